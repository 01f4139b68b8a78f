package dev.paydeck.payments;

import dev.paydeck.shared.Money;

import java.time.OffsetDateTime;

/** Money given back for a payment: {@code pending} until Stripe confirms, then Stripe's refund status. */
public record Refund(RefundId id, String stripeRefundId, PaymentId paymentId, Money amount, String reason,
                     RefundStatus status, OffsetDateTime createdAt) {
}
