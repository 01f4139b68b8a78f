package dev.paydeck.payments;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/**
 * Something done to a payment through Paydeck (or by Stripe to it: a dispute), published in the transaction that
 * recorded it and delivered to other modules after commit through the event publication registry (so a listener's
 * failure never undoes the payment, and a failed delivery is retried from the registry). The audit log takes each.
 * {@link PaymentSucceeded}, the outcome, stands apart, so that only its own listeners (receipts) pay for it.
 */
public sealed interface PaymentEvent permits PaymentCreated, PaymentDeclined, PaymentConfirmed, PaymentCaptured,
        PaymentCanceled, PaymentRefunded, PaymentDisputed {

    OrganizationId organization();

    PaymentId payment();

    /** Who did it: a person's or API key's description, {@code stripe} for what came from Stripe. */
    String actor();

    /** When it happened, by the business clock (the audit log is ordered by it). */
    Instant occurredAt();
}
