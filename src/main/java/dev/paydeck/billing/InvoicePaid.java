package dev.paydeck.billing;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/**
 * An invoice was paid: in Stripe, or recorded as paid outside it ({@code outOfBand}: no card payment, so no payment
 * receipt either).
 */
public record InvoicePaid(OrganizationId organization, InvoiceId invoice, Money total, boolean outOfBand, String actor,
        Instant occurredAt) implements InvoiceEvent {
}
