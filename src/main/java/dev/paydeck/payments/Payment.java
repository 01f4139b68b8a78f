package dev.paydeck.payments;

import dev.paydeck.shared.Money;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A payment: Paydeck's record of one Stripe PaymentIntent. {@code status} is Stripe's PaymentIntent status, or
 * {@code pending} (not yet sent to Stripe) or {@code unknown} (Stripe did not answer; resolved later by asking it).
 */
public record Payment(UUID id, String stripePaymentIntentId, UUID customerId, Money amount, String description,
                      Map<String, String> metadata, String captureMethod, String status, long amountReceived,
                      long amountCapturable, long amountRefunded, LastError lastError, OffsetDateTime createdAt,
                      OffsetDateTime updatedAt) {

    /** Why the last attempt to pay failed, as Stripe said. */
    public record LastError(String code, String declineCode, String message) {
    }

    /** What can still be refunded, in minor units. */
    public long refundable() {
        return amountReceived - amountRefunded;
    }
}
