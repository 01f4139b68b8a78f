package dev.paydeck.sandbox.promotioncodes;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.SearchFields;
import dev.paydeck.sandbox.api.SearchQuery;
import dev.paydeck.sandbox.api.SearchRequest;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.coupons.Coupons;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentintents.Currencies;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /v1/promotion_codes}: a customer-facing code for a coupon ({@code promotion[type]=coupon}, as the API
 * version the sandbox speaks names it), optionally for one customer, until {@code expires_at}, at most
 * {@code max_redemptions} times, with {@code restrictions}. Create, retrieve, update ({@code active},
 * {@code metadata}), list (by {@code active}, {@code code}, {@code coupon}, {@code customer}). Codes are unique,
 * ignoring case, among the active codes of the same customer (or of none).
 */
@Component
class PromotionCodeResource implements StripeResource {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,500}");

    private static final ParamSpec RESTRICTIONS = ParamSpec.of()
            .bool("first_time_transaction")
            .integer("minimum_amount")
            .string("minimum_amount_currency")
            .any("currency_options");
    private static final ParamSpec CREATE = ParamSpec.of()
            .object("promotion", ParamSpec.of().oneOf("type", "coupon").string("coupon").required("type"))
            .string("code", "customer")
            .bool("active")
            .integer("expires_at", "max_redemptions")
            .object("restrictions", RESTRICTIONS)
            .metadata()
            .required("promotion");
    private static final ParamSpec UPDATE = ParamSpec.of().bool("active").metadata()
            .object("restrictions", ParamSpec.of().any("currency_options"));
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().bool("active")
            .string("code", "coupon", "customer"));
    /** Finds codes that collide, ignoring case (through the search machinery, which compares lower-cased). */
    private static final SearchFields CODES = SearchFields.of("promotion_codes").string("code").token("active")
            .id("customer");

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final Coupons coupons;

    PromotionCodeResource(ObjectStore store, SandboxClock clock, SandboxEvents events, Coupons coupons) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.coupons = coupons;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/promotion_codes", CREATE, this::create);
        routes.get("/v1/promotion_codes", LIST, this::list);
        routes.get("/v1/promotion_codes/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/promotion_codes/{id}", UPDATE, this::update);
    }

    private ObjectNode create(StripeCall call) {
        String couponId = StripeCall.nested(call.params(), "promotion", "coupon");
        if (couponId == null) {
            throw StripeError.parameterMissing("promotion[coupon]");
        }
        ObjectNode coupon = coupons.requireValid(call.accountId(), couponId, "promotion[coupon]");
        ObjectNode code = store.newObject("promotion_code", "promo", clock.now());
        code.put("active", call.bool("active") == null || call.isTrue("active"));
        String text = call.string("code") == null ? Ids.random(8).toUpperCase(Locale.ROOT) : call.string("code");
        if (!CODE.matcher(text).matches()) {
            throw StripeError.invalid("code", "Invalid code: use up to 500 letters (a-z, A-Z), digits (0-9) and "
                    + "dashes (-).");
        }
        code.put("code", text);
        String customer = call.string("customer");
        if (customer != null) {
            store.find(call.accountId(), customer).filter(found -> "customer".equals(found.path("object")
                    .asString())).orElseThrow(() -> StripeError.resourceMissing("customer", customer, "customer"));
            code.put("customer", customer);
        } else {
            code.putNull("customer");
        }
        code.putNull("customer_account");
        Long expiresAt = call.longValue("expires_at");
        if (expiresAt != null) {
            if (expiresAt <= clock.now()) {
                throw StripeError.invalid("expires_at", "Invalid expires_at: must be in the future");
            }
            if (!coupon.path("redeem_by").isNull() && expiresAt > coupon.path("redeem_by").asLong()) {
                throw StripeError.invalid("expires_at", "The promotion code cannot expire after its coupon's "
                        + "redeem_by date.");
            }
            code.put("expires_at", expiresAt);
        } else {
            code.putNull("expires_at");
        }
        code.put("livemode", false);
        Long maxRedemptions = call.longValue("max_redemptions");
        if (maxRedemptions != null && maxRedemptions < 1) {
            throw StripeError.invalid("max_redemptions", "Invalid max_redemptions: must be greater than 0");
        }
        if (maxRedemptions == null) {
            code.putNull("max_redemptions");
        } else {
            code.put("max_redemptions", maxRedemptions);
        }
        code.putObject("metadata");
        ObjectNode promotion = code.putObject("promotion");
        promotion.put("coupon", couponId);
        promotion.put("type", "coupon");
        code.set("restrictions", restrictions(call.map("restrictions"), code));
        code.put("times_redeemed", 0);
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(code, call.map("metadata"));
        }
        if (code.get("active").asBoolean()) {
            checkUnique(call, text, customer);
        }
        store.insert(call.accountId(), code);
        events.publish(call, "promotion_code.created", code);
        return code;
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.find(call.accountId(), call.path("id"))
                .filter(found -> "promotion_code".equals(found.get("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("promotion_code", call.path("id"), "id"));
    }

    private ObjectNode update(StripeCall call) {
        if (call.map("restrictions") != null && call.map("restrictions").get("currency_options") != null) {
            throw StripeError.invalid("restrictions[currency_options]", "The sandbox does not emulate "
                    + "`currency_options` yet.");
        }
        ObjectNode code = store.require(call.accountId(), call.path("id"), "promotion_code", "id");
        ObjectNode before = code.deepCopy();
        if (call.bool("active") != null) {
            if (call.isTrue("active") && !code.get("active").asBoolean()) {
                coupons.requireValid(call.accountId(), code.at("/promotion/coupon").asString(), "active");
                checkUnique(call, code.get("code").asString(), code.path("customer").asString(null));
            }
            code.put("active", call.bool("active"));
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(code, call.map("metadata"));
        }
        store.update(call.accountId(), code);
        ObjectNode previous = StripeObjects.previousAttributes(before, code);
        if (!previous.isEmpty()) {
            events.publish(call, "promotion_code.updated", code, previous);
        }
        return code;
    }

    private StripeList list(StripeCall call) {
        ListQuery query = ListQuery.from(call)
                .where("active", call.bool("active"))
                .where("code", call.string("code"))
                .where("customer", call.string("customer"));
        if (call.string("coupon") != null) {
            query.where("promotion", Map.of("coupon", call.string("coupon")));
        }
        return store.list(call.accountId(), "promotion_code", query, "/v1/promotion_codes");
    }

    private ObjectNode restrictions(Map<String, Object> given, ObjectNode code) {
        ObjectNode restrictions = code.objectNode();
        restrictions.putObject("currency_options");
        Map<String, Object> params = given == null ? Map.of() : given;
        if (params.get("currency_options") != null) {
            throw StripeError.invalid("restrictions[currency_options]", "The sandbox does not emulate "
                    + "`currency_options` yet.");
        }
        restrictions.put("first_time_transaction", Boolean.TRUE.equals(params.get("first_time_transaction")));
        Long minimum = (Long) params.get("minimum_amount");
        String currency = (String) params.get("minimum_amount_currency");
        if ((minimum == null) != (currency == null)) {
            throw StripeError.invalid(minimum == null ? "restrictions[minimum_amount]"
                    : "restrictions[minimum_amount_currency]", "`restrictions[minimum_amount]` and "
                    + "`restrictions[minimum_amount_currency]` go together.");
        }
        if (minimum != null) {
            if (minimum < 1) {
                throw StripeError.invalid("restrictions[minimum_amount]", "Invalid minimum_amount: must be greater "
                        + "than 0");
            }
            restrictions.put("minimum_amount", minimum);
            restrictions.put("minimum_amount_currency", Currencies.require(currency,
                    "restrictions[minimum_amount_currency]"));
        } else {
            restrictions.putNull("minimum_amount");
            restrictions.putNull("minimum_amount_currency");
        }
        return restrictions;
    }

    /** An active code is unique, ignoring case, among the active codes for the same customer (or for anyone). */
    private void checkUnique(StripeCall call, String text, String customer) {
        String query = "code:'" + text + "' AND active:'true' AND customer:" + (customer == null ? "null"
                : "'" + customer + "'");
        boolean taken = !store.search(call.accountId(), "promotion_code",
                new SearchRequest(SearchQuery.parse(query), 1, null), CODES, "/v1/promotion_codes").data().isEmpty();
        if (taken) {
            throw StripeError.invalid("code", "An active promotion code with the code `" + text + "` already "
                    + "exists.");
        }
    }
}
