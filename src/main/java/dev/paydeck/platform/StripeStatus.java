package dev.paydeck.platform;

import java.util.List;

/**
 * Which Stripe this instance talks to, for the health endpoint and the start-up log. The organizations module
 * provides the real one; until then it is the sandbox (when on) or nothing.
 */
public interface StripeStatus {

    /** {@code sandbox}, {@code test}, {@code live} or {@code not_configured}; the most "live" of all organizations. */
    String mode();

    /** One line per organization: its name and Stripe mode, never a key. */
    List<String> organizations();
}
