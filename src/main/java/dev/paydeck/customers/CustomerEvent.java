package dev.paydeck.customers;

import dev.paydeck.shared.OrganizationId;

/** Something done to a customer through Paydeck, delivered to other modules after commit. */
public sealed interface CustomerEvent permits CustomerCreated, CustomerUpdated, CustomerDeleted {

    OrganizationId organization();

    CustomerId customer();

    String actor();
}
