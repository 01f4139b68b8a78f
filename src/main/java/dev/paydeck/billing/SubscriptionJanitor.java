package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;

/**
 * Subscriptions left {@code pending} or {@code unknown}, for the janitor: the create is sent again with the same
 * parameters and idempotency key, so Stripe makes the subscription once (and answers with it if it already had).
 */
@Component
class SubscriptionJanitor implements Unresolved<SubscriptionId> {

    private final SubscriptionRecords records;
    private final Subscriptions subscriptions;
    private final TransactionTemplate transactions;
    private final Duration after;

    SubscriptionJanitor(SubscriptionRecords records, Subscriptions subscriptions, TransactionTemplate transactions,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after) {
        this.records = records;
        this.subscriptions = subscriptions;
        this.transactions = transactions;
        this.after = after;
    }

    @Override
    public String objects() {
        return "subscriptions";
    }

    @Override
    public List<Claimed<SubscriptionId>> claim(int limit) {
        return records.claimUnresolved(after.toSeconds(), limit);
    }

    @Override
    public String resolve(OrganizationId organization, SubscriptionId id) throws Exception {
        Subscription unresolved = records.find(organization, id).filter(s -> s.status().isUnresolved())
                .orElse(null);
        if (unresolved == null) {
            return "resolved meanwhile";
        }
        var created = subscriptions.send(organization, unresolved);
        transactions.executeWithoutResult(status -> records.apply(organization, id, created, null,
                unresolved.customer()));
        return "created in Stripe";
    }
}
