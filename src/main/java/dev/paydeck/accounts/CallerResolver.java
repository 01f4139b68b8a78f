package dev.paydeck.accounts;

import dev.paydeck.shared.OrganizationId;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * Resolves the {@link Caller} of a tenant endpoint. An API key names its organization; a person names one with the
 * {@code Paydeck-Organization} header, or needs none when they belong to exactly one. An organization the person
 * does not belong to is answered like one that does not exist (404), so ids don't leak.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver {

    static final String ORGANIZATION_HEADER = "Paydeck-Organization";

    private final Memberships memberships;

    CallerResolver(Memberships memberships) {
        this.memberships = memberships;
    }

    /**
     * The caller acting in a given organization (management endpoints name it in their path): a member, or an
     * API key of that organization; anyone else gets 404.
     */
    Caller in(OrganizationId organization) {
        Object principal = principal();
        if (principal instanceof ApiKeyCaller key && key.organization().equals(organization)) {
            return new Caller(key.organization(), key.role(), null, key.keyId(), "api key " + key.keyName());
        }
        if (principal instanceof SignedInPerson person) {
            Role role = memberships.roleOf(organization, person.id()).orElseThrow(CallerResolver::noSuchOrganization);
            return new Caller(organization, role, person.id(), null, person.email());
        }
        throw noSuchOrganization();
    }

    private static Object principal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getPrincipal();
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest request, WebDataBinderFactory binders) {
        Object principal = principal();
        if (principal instanceof ApiKeyCaller key) {
            return new Caller(key.organization(), key.role(), null, key.keyId(), "api key " + key.keyName());
        }
        if (principal instanceof SignedInPerson person) {
            return forPerson(person, request.getHeader(ORGANIZATION_HEADER));
        }
        throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
    }

    Caller forPerson(SignedInPerson person, String header) {
        OrganizationId organization;
        if (header != null && !header.isBlank()) {
            organization = OrganizationId.parse(header).orElseThrow(CallerResolver::noSuchOrganization);
        } else {
            List<OrganizationId> mine = memberships.organizationsOf(person.id());
            if (mine.size() != 1) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, mine.isEmpty()
                        ? "You belong to no organization yet: create one with POST /api/v1/organizations."
                        : "You belong to several organizations: name one in the " + ORGANIZATION_HEADER
                                + " header.");
            }
            organization = mine.getFirst();
        }
        Role role = memberships.roleOf(organization, person.id()).orElseThrow(CallerResolver::noSuchOrganization);
        return new Caller(organization, role, person.id(), null, person.email());
    }

    private static ResponseStatusException noSuchOrganization() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such organization.");
    }
}
