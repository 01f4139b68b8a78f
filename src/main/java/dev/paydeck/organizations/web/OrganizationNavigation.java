package dev.paydeck.organizations.web;

import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.SignedInPerson;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.StripeMode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of the app's pages (as {@code @organizationNavigation} in the layout): the signed-in person's
 * organizations for the switcher, the one being worked in (named in the address, else the last one visited, else
 * the first) with its Stripe mode, and which section of the navigation the page is in. Asked only while a page
 * renders.
 */
@Component("organizationNavigation")
public class OrganizationNavigation {

    /** An organization as the header shows it: id, name, Stripe mode ({@code sandbox}, {@code test}, {@code live}). */
    public record Entry(String id, String name, String mode) {
    }

    /** The header's content; {@code current} is null for a person without organizations. */
    public record Navigation(List<Entry> organizations, Entry current, String section) {
    }

    private static final String SESSION_ATTRIBUTE = OrganizationNavigation.class.getName() + ".current";
    private static final Pattern ORGANIZATION_PATH =
            Pattern.compile("^/app/organizations/([0-9a-fA-F-]{36})(/[^/?]*)?");

    private final Organizations organizations;
    private final Memberships memberships;

    OrganizationNavigation(Organizations organizations, Memberships memberships) {
        this.organizations = organizations;
        this.memberships = memberships;
    }

    public Navigation current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof SignedInPerson person)) {
            return null;
        }
        List<Entry> entries = organizations.all(memberships.organizationsOf(person.id())).stream()
                .map(OrganizationNavigation::entry).toList();
        HttpServletRequest request = request();
        String path = request == null ? "" : path(request);
        Matcher named = ORGANIZATION_PATH.matcher(path);
        String wanted = named.find() ? named.group(1).toLowerCase(java.util.Locale.ROOT) : remembered(request);
        Entry current = entries.stream().filter(entry -> entry.id().equals(wanted)).findFirst()
                .orElse(entries.isEmpty() ? null : entries.getFirst());
        HttpSession session = request == null ? null : request.getSession(false);
        if (current != null && session != null) {
            session.setAttribute(SESSION_ATTRIBUTE, current.id());
        }
        return new Navigation(entries, current, section(path, named));
    }

    private static Entry entry(Organization organization) {
        String mode = Optional.ofNullable(organization.stripe()).map(Organization.StripeAccount::mode)
                .map(StripeMode::code).orElse("sandbox");
        return new Entry(organization.id().toString(), organization.name(), mode);
    }

    private static String section(String path, Matcher named) {
        if (named.find(0)) {
            String rest = named.group(2) == null ? "" : named.group(2);
            return rest.isEmpty() ? "dashboard" : rest.substring(1);
        }
        return path.startsWith("/app/organizations") && !path.startsWith("/app/organizations/new") ? "settings" : "";
    }

    private static String remembered(HttpServletRequest request) {
        HttpSession session = request == null ? null : request.getSession(false);
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String id ? id : null;
    }

    private static String path(HttpServletRequest request) {
        Object forwarded = request.getAttribute(jakarta.servlet.RequestDispatcher.FORWARD_REQUEST_URI);
        return forwarded instanceof String original ? original : request.getRequestURI();
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
