package dev.paydeck.billing;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.Money;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An invoice as Paydeck keeps it (Stripe's Invoice): its customer, status and totals in minor units of its currency
 * ({@code tax} and {@code discount} are the sums of Stripe's {@code total_taxes} and {@code total_discount_amounts}),
 * and, once finalized, its number, due date, hosted page and PDF. {@code customer} is null when Paydeck does not know
 * the Stripe customer; {@code stripeSubscriptionId} is set for a subscription's invoice.
 */
public record Invoice(InvoiceId id, String stripeInvoiceId, CustomerId customer, String stripeCustomerId,
                      String stripeSubscriptionId, InvoiceStatus status, String collectionMethod, String number,
                      String currency, Money subtotal, Money tax, Money discount, Money total, Money amountDue,
                      Money amountPaid, Money amountRemaining, OffsetDateTime dueDate, OffsetDateTime periodStart,
                      OffsetDateTime periodEnd, String hostedInvoiceUrl, String invoicePdf, String description,
                      boolean paidOutOfBand, OffsetDateTime finalizedAt, OffsetDateTime paidAt,
                      OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** Open and past its due date. */
    public boolean isOverdue(Instant now) {
        return status == InvoiceStatus.OPEN && dueDate != null && dueDate.toInstant().isBefore(now);
    }

    /** What its status allows; only an invoice the customer pays on its page ({@code send_invoice}) is sent. */
    public boolean allows(InvoiceAction action) {
        return status.allows(action) && (action != InvoiceAction.SEND
                || InvoiceDraft.SEND_INVOICE.equals(collectionMethod));
    }
}
