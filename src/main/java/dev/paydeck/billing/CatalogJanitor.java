package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Products and prices left {@code pending} or {@code unknown} (the create got no answer, or the instance died before
 * it), for the janitor: the create is sent again with the same parameters and idempotency key, so Stripe answers
 * with the object it made, or makes it once.
 */
@Configuration(proxyBeanMethods = false)
class CatalogJanitor {

    @Bean
    Unresolved<ProductId> unresolvedProducts(ProductRecords records, Products products,
            TransactionTemplate transactions, @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after) {
        return new Unresolved<>() {
            @Override
            public String objects() {
                return "products";
            }

            @Override
            public List<Claimed<ProductId>> claim(int limit) {
                return records.claimUnresolved(after.toSeconds(), limit);
            }

            @Override
            public String resolve(OrganizationId organization, ProductId id) throws Exception {
                Product unresolved = records.find(organization, id).filter(p -> p.status().unresolved())
                        .orElse(null);
                if (unresolved == null) {
                    return "resolved meanwhile";
                }
                var created = products.send(organization, id, new ProductDraft(unresolved.name(),
                        unresolved.description(), unresolved.metadata()));
                transactions.executeWithoutResult(status -> records.apply(organization, id, created));
                return "created in Stripe";
            }
        };
    }

    @Bean
    Unresolved<PriceId> unresolvedPrices(PriceRecords records, Prices prices, TransactionTemplate transactions,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after) {
        return new Unresolved<>() {
            @Override
            public String objects() {
                return "prices";
            }

            @Override
            public List<Claimed<PriceId>> claim(int limit) {
                return records.claimUnresolved(after.toSeconds(), limit);
            }

            @Override
            public String resolve(OrganizationId organization, PriceId id) throws Exception {
                Price unresolved = records.find(organization, id).filter(p -> p.status().unresolved()).orElse(null);
                if (unresolved == null) {
                    return "resolved meanwhile";
                }
                String product = prices.stripeProductOf(organization, unresolved).orElse(null);
                if (product == null) {
                    return "waits for its product";
                }
                var created = prices.send(organization, id, product, records.draftOf(unresolved));
                transactions.executeWithoutResult(status -> records.apply(organization, id, created));
                return "created in Stripe";
            }
        };
    }
}
