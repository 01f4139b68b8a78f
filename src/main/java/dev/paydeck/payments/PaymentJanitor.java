package dev.paydeck.payments;

import com.stripe.exception.CardException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import dev.paydeck.customers.Customers;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Payments left {@code pending} or {@code unknown} a while after they were made (Stripe's answer was lost, the event
 * never came, the instance died between the record and the call), for the janitor. One with a PaymentIntent is read
 * from Stripe and applied. One that never got a PaymentIntent has its create sent again, with the same parameters and
 * idempotency key: Stripe answers with the PaymentIntent if the first request reached it, and creates it once if not.
 * Past Stripe's 24 hours for idempotency keys a re-send could make a second PaymentIntent, so such a payment is
 * left to a person (it stays {@code unknown}, and is logged).
 */
@Component
class PaymentJanitor implements Unresolved<PaymentId> {

    /** Stripe keeps an idempotency key for 24 hours; re-sends stop with margin before that. */
    static final Duration RESEND_WITHIN = Duration.ofHours(23);

    private final PaymentRecords records;
    private final PaymentMirror mirror;
    private final PaymentCreation creation;
    private final Customers customers;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration after;
    private final Duration interval;

    PaymentJanitor(PaymentRecords records, PaymentMirror mirror, PaymentCreation creation, Customers customers,
            TransactionTemplate transactions, Clock clock,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after,
            @Value("${paydeck.webhooks.reconcile-interval:1m}") Duration interval) {
        this.records = records;
        this.mirror = mirror;
        this.creation = creation;
        this.customers = customers;
        this.transactions = transactions;
        this.clock = clock;
        this.after = after;
        this.interval = interval;
    }

    @Override
    public String objects() {
        return "payments";
    }

    @Override
    public List<Claimed<PaymentId>> claim(int limit) {
        return records.claimUnresolved(after.toSeconds(), interval.toSeconds(), limit);
    }

    @Override
    public String resolve(OrganizationId organization, PaymentId id) throws StripeException {
        Payment payment = records.find(organization, id).orElse(null);
        if (payment == null || !payment.status().isUnresolved()) {
            return "resolved meanwhile";
        }
        PaymentIntent intent;
        if (payment.stripePaymentIntentId() != null) {
            intent = mirror.retrieve(organization, payment.stripePaymentIntentId(), id);
        } else {
            var request = records.createRequest(organization, id).orElse(null);
            if (request == null || payment.createdAt().isBefore(OffsetDateTime.now(clock).minus(RESEND_WITHIN))) {
                return "never reached Stripe, and is too old to send again safely: left " + payment.status().code();
            }
            String customer = payment.customerId() == null ? null : customers.find(organization, payment.customerId())
                    .map(found -> found.stripeCustomerId()).orElse(null);
            try {
                intent = creation.send(organization, id, request, customer);
            } catch (CardException declined) {
                intent = declined.getStripeError() == null ? null : declined.getStripeError().getPaymentIntent();
                if (intent == null) {
                    throw declined;
                }
            }
        }
        PaymentIntent current = intent;
        var change = transactions.execute(status -> mirror.applyCurrent(organization, current));
        return "reconciled with Stripe: " + payment.status().code() + " → " + change.after().code();
    }
}
