package dev.paydeck.billing;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** An invoice was sent to its customer by Stripe. */
public record InvoiceSent(OrganizationId organization, InvoiceId invoice, Money total, String actor,
        Instant occurredAt) implements InvoiceEvent {
}
