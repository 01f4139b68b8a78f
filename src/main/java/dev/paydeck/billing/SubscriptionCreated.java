package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A subscription was created through Paydeck (and in Stripe), for a customer with a price. */
public record SubscriptionCreated(OrganizationId organization, SubscriptionId subscription, String stripeSubscriptionId, String status, String actor,
        Instant occurredAt) implements SubscriptionEvent {
}
