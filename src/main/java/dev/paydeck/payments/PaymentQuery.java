package dev.paydeck.payments;

import dev.paydeck.customers.CustomerId;

import java.time.OffsetDateTime;

/** Filters and paging of the payment history (null: no filter). */
public record PaymentQuery(PaymentStatus status, CustomerId customerId, OffsetDateTime createdFrom,
                           OffsetDateTime createdBefore, int limit, PaymentId startingAfter) {
}
