package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A subscription's trial ends soon (Stripe says so three days before). */
public record SubscriptionTrialEnding(OrganizationId organization, SubscriptionId subscription, java.time.OffsetDateTime trialEnd, String actor,
        Instant occurredAt) implements SubscriptionEvent {
}
