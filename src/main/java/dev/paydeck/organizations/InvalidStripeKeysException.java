package dev.paydeck.organizations;

import java.util.Map;

/** Stripe keys that cannot be right, with the problem of each field. */
public class InvalidStripeKeysException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidStripeKeysException(Map<String, String> problems) {
        super("The Stripe keys are not valid.");
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
