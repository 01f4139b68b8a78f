package dev.paydeck.customers;

import dev.paydeck.shared.OrganizationId;

/** A customer was updated through Paydeck (and in Stripe). */
public record CustomerUpdated(OrganizationId organization, CustomerId customer, String actor) implements CustomerEvent {
}
