package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/**
 * Members or API keys of an organization changed: {@code member.invited}, {@code member.added},
 * {@code member.removed}, {@code member.role_changed}, {@code member.invitation_revoked}, {@code api_key.created},
 * {@code api_key.revoked}.
 */
public record MembershipChanged(OrganizationId organization, String action, String objectType, String objectId,
                                String detail, String actor, Instant occurredAt) {
}
