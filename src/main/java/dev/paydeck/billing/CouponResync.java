package dev.paydeck.billing;

import com.stripe.exception.InvalidRequestException;
import com.stripe.param.CouponListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resync of coupons: every coupon of the organization's Stripe, repairing or recording the local copies (and their
 * {@code valid} flag, which time turns without an event when {@code redeem_by} passes). Stripe lists no deleted
 * coupon, so a local one Stripe did not list is read by its id: gone, it is marked deleted.
 */
@Component
@Order(3)
class CouponResync implements StripeResync {

    private final StripeClients stripe;
    private final CouponMirror mirror;
    private final TransactionTemplate transactions;
    private final CouponRecords records;

    CouponResync(StripeClients stripe, CouponMirror mirror, TransactionTemplate transactions, CouponRecords records) {
        this.stripe = stripe;
        this.mirror = mirror;
        this.transactions = transactions;
        this.records = records;
    }

    @Override
    public String objects() {
        return "coupons";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        Set<String> listed = new HashSet<>();
        Report report = StripeResync.pageThrough(objects(), stripe.forOrganization(organization).v1().coupons()
                        .list(CouponListParams.builder().setLimit(100L).build()).autoPagingIterable(),
                (com.stripe.model.Coupon coupon) -> {
                    listed.add(coupon.getId());
                    return Boolean.TRUE.equals(transactions.execute(status -> mirror.record(organization, coupon)))
                            ? Optional.of(coupon.getId() + ": updated from Stripe") : Optional.empty();
                });
        List<String> changes = new ArrayList<>(report.changes());
        for (String unlisted : records.stripeIdsInStripe(organization)) {
            if (!listed.contains(unlisted) && gone(organization, unlisted)
                    && Boolean.TRUE.equals(transactions.execute(status -> mirror.markDeleted(organization, unlisted)))) {
                changes.add(unlisted + ": deleted in Stripe");
            }
        }
        return new Report(report.objects(), report.checked(), changes);
    }

    private boolean gone(OrganizationId organization, String stripeCouponId) throws Exception {
        try {
            stripe.forOrganization(organization).v1().coupons().retrieve(stripeCouponId);
            return false;
        } catch (InvalidRequestException e) {
            return e.getStatusCode() != null && e.getStatusCode() == 404;
        }
    }
}
