package dev.paydeck.accounts;

import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Service;

/** Resolves callers for endpoints that name their organization in the path. */
@Service
public class Callers {

    private final CallerResolver resolver;

    Callers(CallerResolver resolver) {
        this.resolver = resolver;
    }

    /** The current caller acting in this organization; 404 for non-members and other organizations' keys. */
    public Caller in(OrganizationId organization) {
        return resolver.in(organization);
    }
}
