package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where a page loads the organization's Stripe.js from: the sandbox's own script ({@code /sandbox/js/v3}) for an
 * organization on the sandbox, Stripe's ({@code https://js.stripe.com/v3}) for one with Stripe's keys — or, when
 * Paydeck is pointed at another Stripe-compatible server ({@code paydeck.stripe.api-base}), that server's script.
 */
@Component
public class StripeJsLocation {

    static final String STRIPE_JS = "https://js.stripe.com/v3";

    private final StripeClients stripe;
    private final Environment environment;

    StripeJsLocation(StripeClients stripe, Environment environment) {
        this.stripe = stripe;
        this.environment = environment;
    }

    /** The script's address: a path of this application, or an absolute URL. */
    public String of(OrganizationId organization) {
        if (stripe.mode(organization) == StripeMode.SANDBOX) {
            return "/sandbox/js/v3";
        }
        // Read when asked: it may name this instance's own port, known only once it listens.
        String apiBase = environment.getProperty("paydeck.stripe.api-base", "");
        return apiBase.isBlank() ? STRIPE_JS : apiBase.replaceAll("/+$", "") + "/js/v3";
    }
}
