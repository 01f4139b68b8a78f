package dev.paydeck.sandbox.coupons;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.products.ProductCatalog;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code /v1/coupons}: create (under an id of the caller's choosing, or one made up), retrieve, update (only
 * {@code name} and {@code metadata}, as Stripe allows), delete (later redemptions are refused; where it already
 * applies it stays), list.
 */
@Component
class CouponResource implements StripeResource {

    private static final ParamSpec CREATE = ParamSpec.of()
            .string("id", "currency", "percent_off", "name")
            .integer("amount_off", "duration_in_months", "max_redemptions", "redeem_by")
            .oneOf("duration", "once", "repeating", "forever")
            .object("applies_to", ParamSpec.of().stringList("products"))
            .metadata()
            .any("currency_options");
    private static final ParamSpec UPDATE = ParamSpec.of().string("name").metadata().any("currency_options");

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final ProductCatalog products;

    CouponResource(ObjectStore store, SandboxClock clock, SandboxEvents events, ProductCatalog products) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.products = products;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/coupons", CREATE, this::create);
        routes.get("/v1/coupons", ListQuery.PAGING, this::list);
        routes.get("/v1/coupons/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/coupons/{id}", UPDATE, this::update);
        routes.delete("/v1/coupons/{id}", ParamSpec.of(), this::delete);
    }

    private ObjectNode create(StripeCall call) {
        refuseCurrencyOptions(call);
        ObjectNode coupon = store.newObject("coupon", "coupon", clock.now());
        String id = call.string("id");
        if (id != null) {
            if (store.find(call.accountId(), id).isPresent()) {
                throw StripeError.builder(400).code("resource_already_exists").param("id")
                        .message("Coupon already exists.").build();
            }
            coupon.put("id", id);
        } else {
            coupon.put("id", Ids.random(8));
        }
        CouponJson.create(coupon, call, clock.now());
        CouponJson.applyName(coupon, call);
        if (call.map("applies_to") != null && call.map("applies_to").get("products") != null) {
            List<String> productIds = ((List<?>) call.map("applies_to").get("products")).stream()
                    .map(String::valueOf).toList();
            for (int i = 0; i < productIds.size(); i++) {
                products.require(call, productIds.get(i), "applies_to[products][" + i + "]");
            }
            CouponJson.appliesTo(coupon, productIds);
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(coupon, call.map("metadata"));
        }
        store.insert(call.accountId(), coupon);
        events.publish(call, "coupon.created", coupon);
        return coupon;
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.find(call.accountId(), call.path("id"))
                .filter(found -> "coupon".equals(found.get("object").asString()))
                .map(coupon -> CouponJson.withValidity(coupon, clock.now()))
                .orElseThrow(() -> StripeError.resourceMissing("coupon", call.path("id"), "id"));
    }

    private ObjectNode update(StripeCall call) {
        refuseCurrencyOptions(call);
        ObjectNode coupon = store.require(call.accountId(), call.path("id"), "coupon", "id");
        ObjectNode before = coupon.deepCopy();
        CouponJson.applyName(coupon, call);
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(coupon, call.map("metadata"));
        }
        store.update(call.accountId(), coupon);
        ObjectNode previous = StripeObjects.previousAttributes(before, coupon);
        if (!previous.isEmpty()) {
            events.publish(call, "coupon.updated", coupon, previous);
        }
        return CouponJson.withValidity(coupon, clock.now());
    }

    private ObjectNode delete(StripeCall call) {
        ObjectNode coupon = store.require(call.accountId(), call.path("id"), "coupon", "id");
        store.delete(call.accountId(), coupon.get("id").asString());
        events.publish(call, "coupon.deleted", CouponJson.withValidity(coupon, clock.now()));
        ObjectNode reply = store.json().createObjectNode();
        reply.put("id", coupon.get("id").asString());
        reply.put("object", "coupon");
        reply.put("deleted", true);
        return reply;
    }

    private StripeList list(StripeCall call) {
        StripeList list = store.list(call.accountId(), "coupon", ListQuery.from(call), "/v1/coupons");
        long now = clock.now();
        list.data().forEach(coupon -> CouponJson.withValidity(coupon, now));
        return list;
    }

    private static void refuseCurrencyOptions(StripeCall call) {
        if (call.params().get("currency_options") != null) {
            throw StripeError.invalid("currency_options", "The sandbox does not emulate `currency_options` yet.");
        }
    }
}
