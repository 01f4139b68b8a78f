package dev.paydeck.payments;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** The customer disputed a payment with their bank (a Stripe dispute was opened). */
public record PaymentDisputed(OrganizationId organization, PaymentId payment, String reason,
        String actor, Instant occurredAt) implements PaymentEvent {
}
