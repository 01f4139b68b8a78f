package dev.paydeck.payments;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** Stripe declined a payment's card when it was created ({@code code} is Stripe's). */
public record PaymentDeclined(OrganizationId organization, PaymentId payment, String code,
        String actor, Instant occurredAt) implements PaymentEvent {
}
