package dev.paydeck.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.env.Environment;
import org.springframework.security.web.header.HeaderWriter;

import java.net.URI;

/**
 * The Content-Security-Policy of the pages that load an organization's Stripe.js. When Paydeck is pointed at another
 * Stripe-compatible server ({@code paydeck.stripe.api-base}), organizations with keys load that server's script, which
 * calls its API and frames its 3-D Secure page: its origin joins Stripe's in {@code script-src}, {@code connect-src}
 * and {@code frame-src}, or the Payment Element never loads. The setting is read when a page is answered, as it may
 * name this instance's own port, known only once it listens.
 */
final class PayPagesPolicy implements HeaderWriter {

    private static final String HEADER = "Content-Security-Policy";

    private final Environment environment;

    PayPagesPolicy(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (!response.containsHeader(HEADER)) {
            response.setHeader(HEADER, policy(environment.getProperty("paydeck.stripe.api-base", "")));
        }
    }

    /** The policy for pages whose Stripe.js may come from {@code apiBase}'s origin (blank: Stripe and this origin). */
    static String policy(String apiBase) {
        String origin = origin(apiBase);
        if (origin == null) {
            return SecurityConfiguration.PAY_CONTENT_SECURITY_POLICY;
        }
        StringBuilder policy = new StringBuilder();
        for (String directive : SecurityConfiguration.PAY_CONTENT_SECURITY_POLICY.split("; ")) {
            boolean loadsStripe = directive.startsWith("script-src ") || directive.startsWith("connect-src ")
                    || directive.startsWith("frame-src ");
            policy.append(policy.isEmpty() ? "" : "; ").append(directive).append(loadsStripe ? " " + origin : "");
        }
        return policy.toString();
    }

    private static String origin(String apiBase) {
        if (apiBase == null || apiBase.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(apiBase.strip());
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException notAnAddress) {
            return null;
        }
    }
}
