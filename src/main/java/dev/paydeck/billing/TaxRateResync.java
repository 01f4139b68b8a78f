package dev.paydeck.billing;

import com.stripe.param.TaxRateListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/** Resync of tax rates: every tax rate of the organization's Stripe, repairing or recording the local copies. */
@Component
@Order(4)
class TaxRateResync implements StripeResync {

    private final StripeClients stripe;
    private final TaxRateMirror mirror;
    private final TransactionTemplate transactions;

    TaxRateResync(StripeClients stripe, TaxRateMirror mirror, TransactionTemplate transactions) {
        this.stripe = stripe;
        this.mirror = mirror;
        this.transactions = transactions;
    }

    @Override
    public String objects() {
        return "tax_rates";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        return StripeResync.pageThrough(objects(), stripe.forOrganization(organization).v1().taxRates()
                        .list(TaxRateListParams.builder().setLimit(100L).build()).autoPagingIterable(),
                (com.stripe.model.TaxRate rate) -> Boolean.TRUE.equals(transactions.execute(status ->
                        mirror.record(organization, rate))) ? Optional.of(rate.getId()
                        + ": updated from Stripe") : Optional.empty());
    }
}
