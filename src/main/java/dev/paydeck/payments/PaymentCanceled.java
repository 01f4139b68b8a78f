package dev.paydeck.payments;

import dev.paydeck.shared.OrganizationId;

/** A payment was canceled through Paydeck ({@code reason} is Stripe's cancellation reason, if given). */
public record PaymentCanceled(OrganizationId organization, PaymentId payment, String reason,
        String actor) implements PaymentEvent {
}
