package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/**
 * A subscription changed through Paydeck; {@code change} says how: {@code plan_changed} (price or quantity),
 * {@code cancel_at_period_end} (it ends with its period) or {@code resumed} (that cancellation undone).
 */
public record SubscriptionUpdated(OrganizationId organization, SubscriptionId subscription, String change, String actor,
        Instant occurredAt) implements SubscriptionEvent {
}
