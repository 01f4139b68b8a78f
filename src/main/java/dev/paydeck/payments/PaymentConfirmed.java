package dev.paydeck.payments;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A payment was confirmed through Paydeck (e.g. with another card after a decline). */
public record PaymentConfirmed(OrganizationId organization, PaymentId payment, String paymentMethod,
        String actor, Instant occurredAt) implements PaymentEvent {
}
