package dev.paydeck.sandbox.prices;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentintents.Currencies;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices: made by {@code POST /v1/prices} and by a product's {@code default_price_data}, found by the products of an
 * account (which cannot be deleted while they have prices) and by the sandbox's pages. A lookup key names at most
 * one price of an account; {@code transfer_lookup_key} moves it from the price that has it.
 */
@Service
public class Prices {

    static final ParamSpec RECURRING = ParamSpec.of()
            .oneOf("interval", "day", "week", "month", "year")
            .integer("interval_count")
            .oneOf("usage_type", "licensed", "metered")
            .string("meter")
            .required("interval");

    /** What a product's {@code default_price_data} takes (Stripe's subset of a price's parameters). */
    public static final ParamSpec DEFAULT_PRICE_DATA = ParamSpec.of()
            .string("currency", "unit_amount_decimal")
            .integer("unit_amount")
            .object("recurring", RECURRING.with(ParamSpec.of()))
            .oneOf("tax_behavior", "exclusive", "inclusive", "unspecified")
            .metadata()
            .any("currency_options", "custom_unit_amount")
            .required("currency");

    private static final int MAX_LOOKUP_KEY = 200;

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final InlineProducts products;

    Prices(ObjectStore store, SandboxClock clock, SandboxEvents events, InlineProducts products) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.products = products;
    }

    /** A product's {@code default_price_data} as a new active price of it (with its {@code price.created} event). */
    public ObjectNode createDefault(StripeCall call, String productId, Map<String, Object> priceData) {
        checkUnsupported(priceData, "default_price_data");
        ObjectNode price = newPrice(call, productId, priceData, "default_price_data");
        store.insert(call.accountId(), price);
        events.publish(call, "price.created", price);
        return price;
    }

    /**
     * A one-time price that a single charge (an invoice item) may bill: the account's, active, not recurring.
     */
    public ObjectNode requireOneTime(String accountId, String priceId, String param) {
        ObjectNode price = store.find(accountId, priceId).filter(found -> "price".equals(found.path("object")
                .asString())).orElseThrow(() -> StripeError.resourceMissing("price", priceId, param));
        if (!price.path("active").asBoolean()) {
            throw StripeError.invalid(param, "The price specified is inactive. This field only accepts active "
                    + "prices.");
        }
        if ("recurring".equals(price.path("type").asString())) {
            throw StripeError.invalid(param, "The price specified is set to `type=recurring` but this field only "
                    + "accepts prices with `type=one_time`.");
        }
        return price;
    }

    /**
     * A price made inline by the {@code price_data} of what bills it (an invoice item): one-time, per unit, for an
     * existing product, and hidden as Stripe keeps such prices (archived, no event).
     */
    public ObjectNode createInline(StripeCall call, Map<String, Object> priceData, String prefix) {
        String productId = (String) priceData.get("product");
        products.require(call, productId, PriceTerms.at(prefix, "product"));
        ObjectNode price = newPrice(call, productId, priceData, prefix);
        price.put("active", false);
        store.insert(call.accountId(), price);
        return price;
    }

    /** Whether any price (active or not) belongs to the product. */
    public boolean anyOf(String accountId, String productId) {
        return !ofProduct(accountId, productId, 1).isEmpty();
    }

    /** The product's newest prices, for the sandbox's pages. */
    public List<ObjectNode> ofProduct(String accountId, String productId, int limit) {
        return store.list(accountId, "price", query(limit).where("product", productId), "/v1/prices").data();
    }

    /** The price the product would take as its {@code default_price}: one of its own, and active. */
    public void requireDefaultFor(String accountId, String productId, String priceId, String param) {
        ObjectNode price = store.find(accountId, priceId).filter(found -> "price".equals(found.path("object")
                .asString())).orElseThrow(() -> StripeError.resourceMissing("price", priceId, param));
        if (!productId.equals(price.path("product").asString())) {
            throw StripeError.invalid(param, "The price " + priceId + " does not belong to the product "
                    + productId + ".");
        }
        if (!price.path("active").asBoolean()) {
            throw StripeError.invalid(param, "The price " + priceId + " is archived: only an active price can be "
                    + "a product's default price.");
        }
    }

    ObjectNode newPrice(StripeCall call, String productId, Map<String, Object> params, String prefix) {
        ObjectNode price = store.newObject("price", "price", clock.now());
        price.put("active", params.get("active") == null || Boolean.TRUE.equals(params.get("active")));
        price.put("currency", Currencies.require((String) params.get("currency"), PriceTerms.at(prefix, "currency")));
        price.putNull("custom_unit_amount");
        price.put("livemode", false);
        price.putNull("lookup_key");
        price.putObject("metadata");
        price.putNull("nickname");
        price.put("product", productId);
        price.put("tax_behavior", params.get("tax_behavior") == null ? "unspecified"
                : (String) params.get("tax_behavior"));
        PriceTerms.apply(price, params, prefix);
        if (params.get("metadata") != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) params.get("metadata");
            StripeObjects.applyMetadata(price, metadata);
        }
        return price;
    }

    /** Gives the price this lookup key, taken from the price that has it when {@code transfer} says so. */
    void assignLookupKey(StripeCall call, ObjectNode price, String lookupKey, boolean transfer) {
        if (lookupKey == null) {
            price.putNull("lookup_key");
            return;
        }
        if (lookupKey.length() > MAX_LOOKUP_KEY) {
            throw StripeError.invalid("lookup_key", "Invalid lookup_key: must be at most 200 characters");
        }
        String id = price.get("id").asString();
        for (ObjectNode holder : store.list(call.accountId(), "price", query(10).where("lookup_key", lookupKey),
                "/v1/prices").data()) {
            if (holder.get("id").asString().equals(id)) {
                continue;
            }
            if (!transfer) {
                throw StripeError.invalid("lookup_key", "A price (`" + holder.get("id").asString()
                        + "`) already uses that lookup key.");
            }
            ObjectNode held = store.require(call.accountId(), holder.get("id").asString(), "price", "lookup_key");
            ObjectNode before = held.deepCopy();
            held.putNull("lookup_key");
            store.update(call.accountId(), held);
            events.publish(call, "price.updated", held, StripeObjects.previousAttributes(before, held));
        }
        price.put("lookup_key", lookupKey);
    }

    /** {@code custom_unit_amount} and {@code currency_options} are not emulated: refused, not silently dropped. */
    static void checkUnsupported(Map<String, Object> params, String prefix) {
        for (String unsupported : List.of("custom_unit_amount", "currency_options")) {
            if (params.get(unsupported) != null) {
                String param = PriceTerms.at(prefix, unsupported);
                throw StripeError.invalid(param, "The sandbox does not emulate `" + unsupported + "` yet.");
            }
        }
    }

    private static ListQuery query(int limit) {
        return new ListQuery(new LinkedHashMap<>(), new LinkedHashMap<>(), Map.of(), limit, null, null);
    }
}
