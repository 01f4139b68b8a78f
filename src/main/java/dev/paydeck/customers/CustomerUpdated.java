package dev.paydeck.customers;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A customer was updated through Paydeck (and in Stripe). */
public record CustomerUpdated(OrganizationId organization, CustomerId customer, String actor,
        Instant occurredAt) implements CustomerEvent {
}
