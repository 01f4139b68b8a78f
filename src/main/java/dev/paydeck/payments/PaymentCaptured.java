package dev.paydeck.payments;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** An authorized payment was captured, in full or in part. */
public record PaymentCaptured(OrganizationId organization, PaymentId payment, Money amount,
        String actor, Instant occurredAt) implements PaymentEvent {
}
