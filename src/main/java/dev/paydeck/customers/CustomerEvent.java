package dev.paydeck.customers;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** Something done to a customer through Paydeck, delivered to other modules after commit. */
public sealed interface CustomerEvent permits CustomerCreated, CustomerUpdated, CustomerDeleted {

    OrganizationId organization();

    CustomerId customer();

    String actor();

    /** When it happened, by the business clock (the audit log is ordered by it). */
    Instant occurredAt();
}
