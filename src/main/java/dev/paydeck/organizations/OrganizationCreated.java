package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** An organization was created (with its Stripe account, sandbox or real). */
public record OrganizationCreated(OrganizationId organization, String name, String actor, Instant occurredAt) {
}
