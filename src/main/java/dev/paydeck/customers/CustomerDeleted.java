package dev.paydeck.customers;

import dev.paydeck.shared.OrganizationId;

/** A customer was deleted through Paydeck (and in Stripe). */
public record CustomerDeleted(OrganizationId organization, CustomerId customer, String actor) implements CustomerEvent {
}
