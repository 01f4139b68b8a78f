package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A subscription moved into a new period (seen from Stripe). */
public record SubscriptionRenewed(OrganizationId organization, SubscriptionId subscription, java.time.OffsetDateTime periodStart, String actor,
        Instant occurredAt) implements SubscriptionEvent {
}
