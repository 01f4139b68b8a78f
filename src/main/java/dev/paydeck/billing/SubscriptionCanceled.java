package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A subscription ended: canceled through Paydeck or in Stripe (at the period's end, or out of retries). */
public record SubscriptionCanceled(OrganizationId organization, SubscriptionId subscription, String stripeSubscriptionId, String actor,
        Instant occurredAt) implements SubscriptionEvent {
}
