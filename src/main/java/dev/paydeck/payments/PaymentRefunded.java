package dev.paydeck.payments;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A refund of a payment was made through Paydeck. */
public record PaymentRefunded(OrganizationId organization, PaymentId payment, RefundId refund, Money amount,
        String actor, Instant occurredAt) implements PaymentEvent {
}
