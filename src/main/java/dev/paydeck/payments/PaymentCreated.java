package dev.paydeck.payments;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A payment was created in Stripe through Paydeck. */
public record PaymentCreated(OrganizationId organization, PaymentId payment, Money amount,
        String actor, Instant occurredAt) implements PaymentEvent {
}
