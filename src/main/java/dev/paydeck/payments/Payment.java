package dev.paydeck.payments;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.Money;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A payment: Paydeck's record of one Stripe PaymentIntent. Every amount is in the payment's currency.
 */
public record Payment(PaymentId id, String stripePaymentIntentId, CustomerId customerId, Money amount,
                      String description, Map<String, String> metadata, String captureMethod, PaymentStatus status,
                      Money amountReceived, Money amountCapturable, Money amountRefunded, LastError lastError,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Why the last attempt to pay failed, as Stripe said. */
    public record LastError(String code, String declineCode, String message) {
    }

    /** What can still be refunded. */
    public Money refundable() {
        return amountReceived.minus(amountRefunded);
    }
}
