package dev.paydeck.billing;

import com.stripe.param.CouponListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Resync of coupons: every coupon of the organization's Stripe, repairing or recording the local copies (and their
 * {@code valid} flag, which time turns without an event when {@code redeem_by} passes).
 */
@Component
@Order(3)
class CouponResync implements StripeResync {

    private final StripeClients stripe;
    private final CouponMirror mirror;
    private final TransactionTemplate transactions;

    CouponResync(StripeClients stripe, CouponMirror mirror, TransactionTemplate transactions) {
        this.stripe = stripe;
        this.mirror = mirror;
        this.transactions = transactions;
    }

    @Override
    public String objects() {
        return "coupons";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        return StripeResync.pageThrough(objects(), stripe.forOrganization(organization).v1().coupons()
                        .list(CouponListParams.builder().setLimit(100L).build()).autoPagingIterable(),
                (com.stripe.model.Coupon coupon) -> Boolean.TRUE.equals(transactions.execute(status ->
                        mirror.record(organization, coupon))) ? Optional.of(coupon.getId()
                        + ": updated from Stripe") : Optional.empty());
    }
}
