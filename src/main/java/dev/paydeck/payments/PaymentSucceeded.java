package dev.paydeck.payments;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A payment reached {@code succeeded}, whichever way Paydeck learnt it (answer, event, resync, janitor). */
public record PaymentSucceeded(OrganizationId organization, PaymentId payment, Money amount,
        String actor, Instant occurredAt) implements PaymentEvent {
}
