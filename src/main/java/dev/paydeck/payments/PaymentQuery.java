package dev.paydeck.payments;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Filters and paging of the payment history. */
public record PaymentQuery(String status, UUID customerId, OffsetDateTime createdFrom, OffsetDateTime createdBefore,
                           int limit, UUID startingAfter) {
}
