package dev.paydeck.organizations;

import dev.paydeck.accounts.PersonId;
import dev.paydeck.accounts.Role;
import dev.paydeck.shared.OrganizationId;

import java.util.UUID;

/**
 * An email was invited to an organization: {@code added} when it had an account and is a member now, otherwise the
 * invitation waits until that email signs up. The invitation mail goes out after commit, once per {@code id}.
 */
public record MemberInvited(UUID id, OrganizationId organization, String email, Role role, boolean added,
                            PersonId invitedBy) {
}
