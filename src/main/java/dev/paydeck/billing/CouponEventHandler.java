package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StaleReadException;
import dev.paydeck.webhooks.StripeEventListener;
import dev.paydeck.webhooks.StripeEventReceived;
import org.springframework.stereotype.Component;

/**
 * Coupons created, renamed or deleted in Stripe appear in Paydeck: a creation is recorded when not yet known, an
 * update takes Stripe's current coupon (read before the transaction by {@link CouponMirror}), a deletion is final.
 */
@Component
class CouponEventHandler {

    private final CouponMirror mirror;

    CouponEventHandler(CouponMirror mirror) {
        this.mirror = mirror;
    }

    @StripeEventListener({"coupon.created", "coupon.updated", "coupon.deleted"})
    void coupon(StripeEventReceived event) {
        var snapshot = event.dataObject(com.stripe.model.Coupon.class);
        OrganizationId organization = event.organization();
        switch (event.type()) {
            case "coupon.created" -> mirror.recordIfNew(organization, snapshot);
            case "coupon.updated" -> {
                if (event.read().get(snapshot.getId(), CouponMirror.Gone.class).isPresent()) {
                    mirror.markDeleted(organization, snapshot.getId());
                } else {
                    mirror.record(organization, event.read().get(snapshot.getId(), com.stripe.model.Coupon.class)
                            .orElseThrow(() -> new StaleReadException(snapshot)));
                }
            }
            case "coupon.deleted" -> mirror.markDeleted(organization, snapshot.getId());
            default -> {
            }
        }
    }
}
