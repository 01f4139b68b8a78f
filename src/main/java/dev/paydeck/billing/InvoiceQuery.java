package dev.paydeck.billing;

import dev.paydeck.customers.CustomerId;

import java.time.OffsetDateTime;

/**
 * Which invoices to list, newest first; each filter null means any. {@code overdue}: open and past their due date.
 * {@code createdBefore} is exclusive.
 */
public record InvoiceQuery(InvoiceStatus status, CustomerId customer, OffsetDateTime createdFrom,
                           OffsetDateTime createdBefore, boolean overdue, int limit, InvoiceId startingAfter) {

    public InvoiceQuery withLimit(int otherLimit, InvoiceId after) {
        return new InvoiceQuery(status, customer, createdFrom, createdBefore, overdue, otherLimit, after);
    }
}
