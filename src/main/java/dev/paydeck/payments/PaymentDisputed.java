package dev.paydeck.payments;

import dev.paydeck.shared.OrganizationId;

/** The customer disputed a payment with their bank (a Stripe dispute was opened). */
public record PaymentDisputed(OrganizationId organization, PaymentId payment, String reason,
        String actor) implements PaymentEvent {
}
