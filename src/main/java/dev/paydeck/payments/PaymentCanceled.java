package dev.paydeck.payments;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A payment was canceled through Paydeck ({@code reason} is Stripe's cancellation reason, if given). */
public record PaymentCanceled(OrganizationId organization, PaymentId payment, String reason,
        String actor, Instant occurredAt) implements PaymentEvent {
}
