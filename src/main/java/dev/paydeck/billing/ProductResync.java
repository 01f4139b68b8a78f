package dev.paydeck.billing;

import com.stripe.param.ProductListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/** Resync of products: every product of the organization's Stripe, repairing or recording the local copies. */
@Component
@Order(1)
class ProductResync implements StripeResync {

    private final StripeClients stripe;
    private final CatalogMirror mirror;
    private final TransactionTemplate transactions;

    ProductResync(StripeClients stripe, CatalogMirror mirror, TransactionTemplate transactions) {
        this.stripe = stripe;
        this.mirror = mirror;
        this.transactions = transactions;
    }

    @Override
    public String objects() {
        return "products";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        return StripeResync.pageThrough(objects(), stripe.forOrganization(organization).v1().products()
                        .list(ProductListParams.builder().setLimit(100L).build()).autoPagingIterable(),
                (com.stripe.model.Product product) -> Boolean.TRUE.equals(transactions.execute(status ->
                        mirror.record(organization, product))) ? Optional.of(product.getId()
                        + ": updated from Stripe") : Optional.empty());
    }
}
