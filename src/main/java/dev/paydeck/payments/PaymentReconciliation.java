package dev.paydeck.payments;

import com.stripe.exception.StripeException;
import dev.paydeck.shared.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The janitor: payments still {@code pending} or {@code unknown} a while after they were made (Stripe's answer was
 * lost, the event never came) are resolved by asking Stripe, instead of guessing. Instances claim different payments
 * (SKIP LOCKED), and each is asked about at most once per interval. A payment that never reached Stripe (no
 * PaymentIntent id) stays as it is: retrying its creation with the same Idempotency-Key resolves it.
 */
@Component
class PaymentReconciliation {

    private static final Logger log = LoggerFactory.getLogger(PaymentReconciliation.class);

    private final PaymentRecords records;
    private final PaymentSync sync;
    private final TransactionTemplate transactions;
    private final Duration after;
    private final Duration interval;

    PaymentReconciliation(PaymentRecords records, PaymentSync sync, TransactionTemplate transactions,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after,
            @Value("${paydeck.webhooks.reconcile-interval:1m}") Duration interval) {
        this.records = records;
        this.sync = sync;
        this.transactions = transactions;
        this.after = after;
        this.interval = interval;
    }

    /** Run by the job in {@link ReconciliationJob}. */
    void reconcile() {
        try {
            for (Map.Entry<OrganizationId, UUID> claimed : records.claimUnresolved(after.toSeconds(),
                    interval.toSeconds(), 20)) {
                resolve(claimed.getKey(), claimed.getValue());
            }
        } catch (RuntimeException e) {
            log.warn("Payment reconciliation could not run: {}", e.getMessage());
        }
    }

    void resolve(OrganizationId organization, UUID id) {
        Payment payment = records.find(organization, id).orElse(null);
        if (payment == null || payment.stripePaymentIntentId() == null) {
            return;
        }
        try {
            var intent = sync.retrieve(organization, payment.stripePaymentIntentId());
            var applied = transactions.execute(status -> sync.applyCurrent(organization, intent));
            log.info("Payment {} of organization {} reconciled with Stripe: {} → {}", id, organization,
                    applied.before(), applied.after());
        } catch (StripeException e) {
            log.info("Payment {} of organization {} could not be reconciled yet: {}", id, organization,
                    e.getClass().getSimpleName());
        }
    }
}
