package dev.paydeck.billing;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/**
 * Something that happened to an invoice, published in the transaction that recorded it and delivered to other modules
 * after commit. {@code actor} is the person or API key that did it through Paydeck, or {@code stripe} when Paydeck
 * learnt it from Stripe (an event, a resync).
 */
public sealed interface InvoiceEvent permits InvoiceCreated, InvoiceFinalized, InvoiceSent, InvoicePaid,
        InvoicePaymentFailed, InvoiceVoided, InvoiceMarkedUncollectible {

    OrganizationId organization();

    InvoiceId invoice();

    /** The invoice's total when it happened. */
    Money total();

    String actor();

    /** When it happened, by the business clock. */
    Instant occurredAt();
}
