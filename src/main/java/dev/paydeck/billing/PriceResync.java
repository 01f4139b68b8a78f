package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import com.stripe.param.PriceListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Resync of prices: every price of the organization's Stripe, repairing or recording the local copies. A price whose
 * product Paydeck does not know brings it along, and a tiered one its tiers (Stripe lists them only when asked), both
 * read from Stripe outside any transaction.
 */
@Component
@Order(2)
class PriceResync implements StripeResync {

    private final StripeClients stripe;
    private final CatalogMirror mirror;
    private final ProductRecords products;
    private final TransactionTemplate transactions;

    PriceResync(StripeClients stripe, CatalogMirror mirror, ProductRecords products,
            TransactionTemplate transactions) {
        this.stripe = stripe;
        this.mirror = mirror;
        this.products = products;
        this.transactions = transactions;
    }

    @Override
    public String objects() {
        return "prices";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        var client = stripe.forOrganization(organization);
        return StripeResync.pageThrough(objects(), client.v1().prices()
                .list(PriceListParams.builder().setLimit(100L).build()).autoPagingIterable(), price -> {
            com.stripe.model.Price whole = price;
            try {
                if (products.findByStripeId(organization, price.getProduct()).isEmpty()) {
                    var product = client.v1().products().retrieve(price.getProduct());
                    transactions.execute(status -> mirror.record(organization, product));
                }
                if ("tiered".equals(price.getBillingScheme()) && price.getTiers() == null) {
                    whole = mirror.current(organization, price);
                }
            } catch (StripeException e) {
                return Optional.of(price.getId() + ": could not be read whole (" + e.getClass().getSimpleName()
                        + ")");
            }
            com.stripe.model.Price applied = whole;
            return Boolean.TRUE.equals(transactions.execute(status -> mirror.record(organization, applied, null)))
                    ? Optional.of(price.getId() + ": updated from Stripe") : Optional.empty();
        });
    }
}
