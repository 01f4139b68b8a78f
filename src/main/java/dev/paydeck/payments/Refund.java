package dev.paydeck.payments;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Money given back for a payment: {@code pending} until Stripe confirms, then Stripe's refund status. */
public record Refund(UUID id, String stripeRefundId, UUID paymentId, long amount, String currency, String reason,
                     String status, OffsetDateTime createdAt) {
}
