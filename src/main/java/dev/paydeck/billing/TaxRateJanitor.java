package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Tax rates left {@code pending} or {@code unknown} (the create got no answer, or the instance died before it), for
 * the janitor: the create is sent again with the same parameters and idempotency key, so Stripe answers with the tax
 * rate it made, or makes it once.
 */
@Component
class TaxRateJanitor implements Unresolved<TaxRateId> {

    private final TaxRateRecords records;
    private final TaxRates taxRates;
    private final TransactionTemplate transactions;
    private final Duration after;

    TaxRateJanitor(TaxRateRecords records, TaxRates taxRates, TransactionTemplate transactions,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after) {
        this.records = records;
        this.taxRates = taxRates;
        this.transactions = transactions;
        this.after = after;
    }

    @Override
    public String objects() {
        return "tax_rates";
    }

    @Override
    public List<Claimed<TaxRateId>> claim(int limit) {
        return records.claimUnresolved(after.toSeconds(), limit);
    }

    @Override
    public String resolve(OrganizationId organization, TaxRateId id) throws Exception {
        TaxRate unresolved = records.find(organization, id).filter(r -> r.status().unresolved()).orElse(null);
        if (unresolved == null) {
            return "resolved meanwhile";
        }
        var created = taxRates.send(organization, id, new TaxRateDraft(unresolved.displayName(),
                unresolved.description(), unresolved.percentage(), unresolved.inclusive(), unresolved.country(),
                unresolved.state(), unresolved.jurisdiction(), unresolved.metadata()));
        transactions.executeWithoutResult(status -> records.apply(organization, id, created));
        return "created in Stripe";
    }
}
