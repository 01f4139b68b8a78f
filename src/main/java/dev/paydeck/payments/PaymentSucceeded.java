package dev.paydeck.payments;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/**
 * A payment reached {@code succeeded}, whichever way Paydeck learnt it (answer, event, resync, janitor): published
 * once per payment, for what follows a payment (receipts, fulfilment). Not a {@link PaymentEvent}: nothing was done
 * through Paydeck, so the audit log does not take it.
 */
public record PaymentSucceeded(OrganizationId organization, PaymentId payment, Money amount,
        String actor, Instant occurredAt) {
}
