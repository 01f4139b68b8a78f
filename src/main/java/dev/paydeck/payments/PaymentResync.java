package dev.paydeck.payments;

import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Resync of payments: every PaymentIntent of the organization's Stripe, applied as the current truth (each in its
 * own transaction, after the page was read), recording those Paydeck has not seen. A final local status never changes.
 */
@Component
class PaymentResync implements StripeResync {

    private final StripeClients stripe;
    private final PaymentMirror mirror;
    private final TransactionTemplate transactions;

    PaymentResync(StripeClients stripe, PaymentMirror mirror, TransactionTemplate transactions) {
        this.stripe = stripe;
        this.mirror = mirror;
        this.transactions = transactions;
    }

    @Override
    public String objects() {
        return "payment_intents";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        return StripeResync.pageThrough(objects(), stripe.forOrganization(organization).v1().paymentIntents()
                .list(PaymentIntentListParams.builder().setLimit(100L).build()).autoPagingIterable(),
                (PaymentIntent intent) -> {
                    PaymentMirror.Change change = transactions.execute(status -> mirror.applyCurrent(organization,
                            intent));
                    return !change.changed() ? Optional.empty() : Optional.of(intent.getId() + ": "
                            + (change.recorded() ? "recorded (" + change.after().code() + ")"
                            : change.before().code() + " → " + change.after().code()));
                });
    }
}
