package dev.paydeck.payments;

import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.webhooks.StripeResync;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Resync of payments: reads every PaymentIntent of the organization's Stripe (100 a page; stripe-java retries
 * 429s with backoff) and applies each as the current truth, recording those Paydeck has not seen. A local terminal
 * status is never changed.
 */
@Component
class PaymentResync implements StripeResync {

    private final StripeClients stripe;
    private final PaymentSync sync;
    private final TransactionTemplate transactions;

    PaymentResync(StripeClients stripe, PaymentSync sync, TransactionTemplate transactions) {
        this.stripe = stripe;
        this.sync = sync;
        this.transactions = transactions;
    }

    @Override
    public String objects() {
        return "payment_intents";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        List<String> changes = new ArrayList<>();
        int checked = 0;
        for (PaymentIntent intent : stripe.forOrganization(organization).v1().paymentIntents()
                .list(PaymentIntentListParams.builder().setLimit(100L).build()).autoPagingIterable()) {
            checked++;
            PaymentSync.Applied applied = transactions.execute(status -> sync.applyCurrent(organization, intent));
            if (applied.changed()) {
                changes.add(intent.getId() + ": " + ("unknown".equals(applied.before()) && applied.created()
                        ? "recorded (" + applied.after() + ")" : applied.before() + " → " + applied.after()));
            }
        }
        return new Report(objects(), checked, changes);
    }
}
