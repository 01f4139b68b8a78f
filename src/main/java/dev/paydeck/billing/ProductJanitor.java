package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Products left {@code pending} or {@code unknown} (the create got no answer, or the instance died before it), for
 * the janitor: the create is sent again with the same parameters and idempotency key, so Stripe answers with the
 * product it made, or makes it once.
 */
@Component
class ProductJanitor implements Unresolved<ProductId> {

    private final ProductRecords records;
    private final Products products;
    private final TransactionTemplate transactions;
    private final Duration after;

    ProductJanitor(ProductRecords records, Products products, TransactionTemplate transactions,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after) {
        this.records = records;
        this.products = products;
        this.transactions = transactions;
        this.after = after;
    }

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
        Product unresolved = records.find(organization, id).filter(p -> p.status().unresolved()).orElse(null);
        if (unresolved == null) {
            return "resolved meanwhile";
        }
        var created = products.send(organization, id, new ProductDraft(unresolved.name(), unresolved.description(),
                unresolved.metadata()));
        transactions.executeWithoutResult(status -> records.apply(organization, id, created));
        return "created in Stripe";
    }
}
