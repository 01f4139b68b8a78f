package dev.paydeck.billing;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** An invoice's payment attempt failed. */
public record InvoicePaymentFailed(OrganizationId organization, InvoiceId invoice, Money total, String actor,
        Instant occurredAt) implements InvoiceEvent {
}
