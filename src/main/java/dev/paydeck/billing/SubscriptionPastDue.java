package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A subscription's renewal failed: Stripe retries it, and someone may need to look. */
public record SubscriptionPastDue(OrganizationId organization, SubscriptionId subscription, String latestInvoice, String actor,
        Instant occurredAt) implements SubscriptionEvent {
}
