package dev.paydeck.accounts;

import dev.paydeck.shared.OrganizationId;

import java.util.UUID;

/**
 * Who is calling, in which organization, with which role: resolved for every tenant endpoint (a controller method
 * parameter of this type) from the API key, or from the person's token/session and the
 * {@code Paydeck-Organization} header. Everything a tenant endpoint reads or writes is scoped to
 * {@link #organization()}.
 */
public record Caller(OrganizationId organization, Role role, PersonId person, UUID apiKey, String actor) {

    /** Refuses (403) callers that may only read. */
    public Caller requireWrite() {
        if (!role.canWrite()) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "The viewer role may read but not change anything.");
        }
        return this;
    }

    /** Refuses (403) callers that are not owners or admins. */
    public Caller requireAdmin() {
        if (role != Role.OWNER && role != Role.ADMIN) {
            throw new org.springframework.security.access.AccessDeniedException("Only owners and admins may do this.");
        }
        return this;
    }
}
