package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** An organization's Stripe keys were replaced. */
public record StripeCredentialsChanged(OrganizationId organization, StripeMode mode, String actor, Instant occurredAt) {
}
