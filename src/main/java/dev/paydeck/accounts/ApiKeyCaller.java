package dev.paydeck.accounts;

import dev.paydeck.shared.OrganizationId;

import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/** The principal of a request made with an organization's API key. */
public record ApiKeyCaller(OrganizationId organization, UUID keyId, String keyName, Role role)
        implements Principal, Serializable {

    @Override
    public String getName() {
        return "api-key:" + keyId;
    }
}
