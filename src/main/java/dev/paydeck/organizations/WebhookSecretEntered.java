package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A person entered the organization's webhook signing secret by hand (the secret itself is never in the event). */
public record WebhookSecretEntered(OrganizationId organization, String actor, Instant occurredAt) {
}
