package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;

/** An organization's Stripe keys were replaced. */
public record StripeCredentialsChanged(OrganizationId organization, StripeMode mode, String actor) {
}
