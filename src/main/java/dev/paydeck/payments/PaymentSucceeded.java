package dev.paydeck.payments;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/**
 * A payment reached {@code succeeded}, whichever way Paydeck learnt it (answer, event, resync, janitor): published
 * once per payment, for what follows a payment (receipts, fulfilment). Not a {@link PaymentEvent}: nothing was done
 * through Paydeck, so the audit log does not take it. {@code customer} is the payment's customer, null for a payment
 * without one: a listener with nothing to do for those says so in its condition, and the event then costs it no
 * publication.
 */
public record PaymentSucceeded(OrganizationId organization, PaymentId payment, CustomerId customer, Money amount,
        String actor, Instant occurredAt) {
}
