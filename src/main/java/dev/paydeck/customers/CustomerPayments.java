package dev.paydeck.customers;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A customer's payments, for the customer's page. The payments module implements it: payments know their
 * customers, so the customer's page asks through this interface rather than depending on payments (which would
 * make the two modules depend on each other).
 */
public interface CustomerPayments {

    /**
     * A payment of the customer: Paydeck's id (for the payment's page), amount, Stripe's status word, description,
     * when it was made, and whether its last attempt failed.
     */
    record Payment(UUID id, Money amount, String status, String description, OffsetDateTime createdAt,
                   boolean failed) {
    }

    /** The customer's newest payments, at most {@code limit}. */
    List<Payment> newest(OrganizationId organization, CustomerId customer, int limit);
}
