package dev.paydeck.customers;

import dev.paydeck.shared.OrganizationId;

/** A customer was created through Paydeck (and in Stripe). */
public record CustomerCreated(OrganizationId organization, CustomerId customer, String actor) implements CustomerEvent {
}
