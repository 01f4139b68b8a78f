package dev.paydeck.billing;

import com.stripe.param.SubscriptionListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Resync of subscriptions: every subscription of the organization's Stripe (canceled ones too), each applied as the
 * current truth in its own transaction, recording the ones Paydeck has not seen.
 */
@Component
class SubscriptionResync implements StripeResync {

    private final StripeClients stripe;
    private final SubscriptionMirror mirror;
    private final TransactionTemplate transactions;

    SubscriptionResync(StripeClients stripe, SubscriptionMirror mirror, TransactionTemplate transactions) {
        this.stripe = stripe;
        this.mirror = mirror;
        this.transactions = transactions;
    }

    @Override
    public String objects() {
        return "subscriptions";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        return StripeResync.pageThrough(objects(), stripe.forOrganization(organization).v1().subscriptions()
                .list(SubscriptionListParams.builder().setStatus(SubscriptionListParams.Status.ALL).setLimit(100L)
                        .build()).autoPagingIterable(), subscription -> {
            SubscriptionMirror.Change change = transactions.execute(status -> mirror.applyCurrent(organization,
                    subscription));
            if (change == null || !change.changed()) {
                return Optional.empty();
            }
            return Optional.of(subscription.getId() + (change.recorded() ? ": recorded" : ": "
                    + change.before().code() + " → " + change.after().code()));
        });
    }
}
