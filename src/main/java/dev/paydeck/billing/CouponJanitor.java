package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Coupons left {@code pending} or {@code unknown} (the create got no answer, or the instance died before it), for the
 * janitor: the create is sent again with the same parameters and idempotency key, so Stripe answers with the coupon
 * it made, or makes it once.
 */
@Component
class CouponJanitor implements Unresolved<CouponId> {

    private final CouponRecords records;
    private final Coupons coupons;
    private final TransactionTemplate transactions;
    private final Duration after;

    CouponJanitor(CouponRecords records, Coupons coupons, TransactionTemplate transactions,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after) {
        this.records = records;
        this.coupons = coupons;
        this.transactions = transactions;
        this.after = after;
    }

    @Override
    public String objects() {
        return "coupons";
    }

    @Override
    public List<Claimed<CouponId>> claim(int limit) {
        return records.claimUnresolved(after.toSeconds(), limit);
    }

    @Override
    public String resolve(OrganizationId organization, CouponId id) throws Exception {
        Coupon unresolved = records.find(organization, id).filter(c -> c.status().unresolved()).orElse(null);
        if (unresolved == null) {
            return "resolved meanwhile";
        }
        var created = coupons.send(organization, id, new CouponDraft(unresolved.name(), unresolved.percentOff(),
                unresolved.amountOff(), unresolved.duration(), unresolved.durationInMonths(),
                unresolved.maxRedemptions(),
                unresolved.redeemBy() == null ? null : unresolved.redeemBy().toInstant(), unresolved.metadata()));
        transactions.executeWithoutResult(status -> records.apply(organization, id, created));
        return "created in Stripe";
    }
}
