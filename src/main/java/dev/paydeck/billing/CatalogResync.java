package dev.paydeck.billing;

import com.stripe.param.PriceListParams;
import com.stripe.param.ProductListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Resync of the catalog: every product, then every price of the organization's Stripe, repairing or recording the
 * local copies (a price whose product is not known yet brings it along, read from Stripe outside any transaction).
 */
@Configuration(proxyBeanMethods = false)
class CatalogResync {

    @Bean
    StripeResync productResync(StripeClients stripe, CatalogMirror mirror, TransactionTemplate transactions) {
        return new StripeResync() {
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
        };
    }

    @Bean
    StripeResync priceResync(StripeClients stripe, CatalogMirror mirror, ProductRecords products,
            TransactionTemplate transactions) {
        return new StripeResync() {
            @Override
            public String objects() {
                return "prices";
            }

            @Override
            public Report resync(OrganizationId organization) throws Exception {
                var client = stripe.forOrganization(organization);
                return StripeResync.pageThrough(objects(), client.v1().prices()
                                .list(PriceListParams.builder().setLimit(100L).build()).autoPagingIterable(),
                        (com.stripe.model.Price price) -> {
                            if (products.findByStripeId(organization, price.getProduct()).isEmpty()) {
                                try {
                                    var product = client.v1().products().retrieve(price.getProduct());
                                    transactions.execute(status -> mirror.record(organization, product));
                                } catch (com.stripe.exception.StripeException e) {
                                    return Optional.of(price.getId() + ": its product could not be read");
                                }
                            }
                            com.stripe.model.Price whole = price;
                            if ("tiered".equals(price.getBillingScheme()) && price.getTiers() == null) {
                                try {
                                    whole = mirror.current(organization, price);
                                } catch (Exception e) {
                                    return Optional.of(price.getId() + ": its tiers could not be read");
                                }
                            }
                            com.stripe.model.Price applied = whole;
                            return Boolean.TRUE.equals(transactions.execute(status ->
                                    mirror.record(organization, applied, null))) ? Optional.of(price.getId()
                                    + ": updated from Stripe") : Optional.empty();
                        });
            }
        };
    }
}
