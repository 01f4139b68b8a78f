package dev.paydeck.billing;

import com.stripe.exception.InvalidRequestException;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.webhooks.StripeEventReads;
import dev.paydeck.webhooks.StripeEventReceived;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe's coupons applied to their local copies. A coupon's events carry no order that could be compared (its name
 * and metadata change any number of times), so an update is applied from the coupon re-read from Stripe (before the
 * event's transaction, in {@link #read}), never from the event's snapshot; a {@code coupon.created} only records a
 * coupon not yet known, and a deleted coupon stays deleted. Coupons made in Stripe are recorded; Paydeck's own are
 * found by the id it put in their metadata.
 */
@Component
class CouponMirror implements StripeEventReads {

    /** What {@link #read} leaves for a coupon Stripe no longer has. */
    record Gone() {
    }

    private final CouponRecords coupons;
    private final StripeClients stripe;

    CouponMirror(CouponRecords coupons, StripeClients stripe) {
        this.coupons = coupons;
        this.stripe = stripe;
    }

    @Override
    public boolean readsFirst(StripeEventReceived event) {
        return event.type().equals("coupon.updated");
    }

    @Override
    public void read(StripeEventReceived event) throws Exception {
        if (!event.type().equals("coupon.updated")) {
            return;
        }
        String id = event.dataObject(com.stripe.model.Coupon.class).getId();
        com.stripe.model.Coupon current;
        try {
            current = stripe.forOrganization(event.organization()).v1().coupons().retrieve(id);
        } catch (InvalidRequestException gone) {
            current = null;
        }
        event.read().put(id, current == null || Boolean.TRUE.equals(current.getDeleted()) ? new Gone() : current);
    }

    /** Applies a Stripe coupon to its local copy; true if that changed something. */
    boolean record(OrganizationId organization, com.stripe.model.Coupon coupon) {
        if (Boolean.TRUE.equals(coupon.getDeleted())) {
            return markDeleted(organization, coupon.getId());
        }
        Optional<Coupon> before = coupons.findByStripeId(organization, coupon.getId());
        Optional<Coupon> ours = before.isEmpty() ? paydeckId(coupon.getMetadata()).map(CouponId::new)
                .flatMap(id -> coupons.find(organization, id)) : Optional.empty();
        if (ours.isPresent()) {
            coupons.apply(organization, ours.get().id(), coupon);
        } else {
            coupons.upsertFromStripe(organization, coupon);
        }
        Optional<Coupon> after = coupons.findByStripeId(organization, coupon.getId());
        Optional<Coupon> was = before.or(() -> ours);
        return was.isEmpty() || after.isEmpty() || !Objects.equals(was.get().name(), after.get().name())
                || !Objects.equals(was.get().metadata(), after.get().metadata())
                || was.get().timesRedeemed() != after.get().timesRedeemed()
                || was.get().status() != after.get().status();
    }

    /** Records a coupon only when Paydeck does not know it yet ({@code coupon.created}). */
    void recordIfNew(OrganizationId organization, com.stripe.model.Coupon coupon) {
        Optional<Coupon> known = coupons.findByStripeId(organization, coupon.getId())
                .or(() -> paydeckId(coupon.getMetadata()).map(CouponId::new)
                        .flatMap(id -> coupons.find(organization, id)).filter(c -> !c.status().unresolved()));
        if (known.isEmpty()) {
            record(organization, coupon);
        }
    }

    boolean markDeleted(OrganizationId organization, String stripeCouponId) {
        return coupons.findByStripeId(organization, stripeCouponId)
                .filter(c -> c.status() != CouponStatus.DELETED)
                .map(found -> {
                    coupons.markDeleted(organization, found.id());
                    return true;
                }).orElse(false);
    }

    private static Optional<UUID> paydeckId(Map<String, String> metadata) {
        String text = metadata == null ? null : metadata.get(Coupons.PAYDECK_ID);
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
