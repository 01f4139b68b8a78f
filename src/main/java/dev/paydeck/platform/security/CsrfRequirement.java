package dev.paydeck.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Set;

/**
 * Which requests must carry a CSRF token: state-changing requests made with a browser session (the only ones a
 * forged cross-site request could abuse), plus sign-in and sign-out themselves. A request without a session
 * cookie acts as nobody, so a program calling a page address with a wrong method gets the honest 405, not a 403.
 * Machine endpoints (the sandbox's Stripe API, webhooks) have their own filter chain without CSRF.
 */
class CsrfRequirement implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> ALWAYS_PROTECTED = Set.of("/login", "/logout");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ALWAYS_PROTECTED.contains(path) || request.getRequestedSessionId() != null;
    }
}
