package dev.paydeck.sandbox.coupons;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeError;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/** Coupons as what redeems them (promotion codes; later invoices and subscriptions) needs them. */
@Service
public class Coupons {

    private final ObjectStore store;
    private final SandboxClock clock;

    Coupons(ObjectStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The coupon, if it can still be redeemed; Stripe's "No such coupon" or an invalid-coupon error otherwise. */
    public ObjectNode requireValid(String accountId, String couponId, String param) {
        ObjectNode coupon = store.find(accountId, couponId)
                .filter(found -> "coupon".equals(found.path("object").asString()))
                .map(found -> CouponJson.withValidity(found, clock.now()))
                .orElseThrow(() -> StripeError.resourceMissing("coupon", couponId, param));
        if (!coupon.path("valid").asBoolean()) {
            throw StripeError.invalid(param, "Coupon " + couponId + " is no longer valid: it is past its "
                    + "redeem_by date or has been redeemed its max_redemptions times.");
        }
        return coupon;
    }

    /** One more redemption of the coupon (a discount made from it): {@code times_redeemed} goes up by one. */
    public void redeem(String accountId, String couponId) {
        ObjectNode coupon = store.require(accountId, couponId, "coupon", "coupon");
        coupon.put("times_redeemed", coupon.path("times_redeemed").asLong() + 1);
        store.update(accountId, coupon);
    }
}
