package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Prices left {@code pending} or {@code unknown}, for the janitor: once their product is in Stripe, the create is sent
 * again with the same parameters and idempotency key, so Stripe makes the price once.
 */
@Component
class PriceJanitor implements Unresolved<PriceId> {

    private final PriceRecords records;
    private final Prices prices;
    private final TransactionTemplate transactions;
    private final Duration after;

    PriceJanitor(PriceRecords records, Prices prices, TransactionTemplate transactions,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after) {
        this.records = records;
        this.prices = prices;
        this.transactions = transactions;
        this.after = after;
    }

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
}
