package dev.paydeck.organizations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe credentials as a person enters them. {@link #problems()} says what is wrong with them, field by field:
 * prefixes, and a publishable key of the same mode as the secret key.
 */
public record StripeKeys(String publishableKey, String secretKey, String webhookSecret) {

    /** What is wrong, field by field, in words for the API ({@code secret_key} → "is required"). */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        checked().forEach((field, problem) -> problems.put(field, problem.message()));
        return problems;
    }

    /**
     * What is wrong, field by field, as a code for pages to word in the person's language: {@code required},
     * {@code format} (not a key of that kind: wrong prefix) or {@code mode_mismatch} (a test key with a live one).
     */
    public Map<String, String> problemCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        checked().forEach((field, problem) -> codes.put(field, problem.code()));
        return codes;
    }

    private record Problem(String code, String message) {
    }

    private Map<String, Problem> checked() {
        Map<String, Problem> problems = new LinkedHashMap<>();
        String secret = trimmed(secretKey);
        String publishable = trimmed(publishableKey);
        if (secret == null) {
            problems.put("secret_key", new Problem("required", "is required"));
        } else if (!secret.matches("^(sk|rk)_(test|live)_[A-Za-z0-9]{10,}$")) {
            problems.put("secret_key", new Problem("format", "must be a Stripe secret key (sk_test_…, sk_live_…) "
                    + "or restricted key (rk_test_…, rk_live_…)"));
        }
        if (publishable == null) {
            problems.put("publishable_key", new Problem("required", "is required"));
        } else if (!publishable.matches("^pk_(test|live)_[A-Za-z0-9]{10,}$")) {
            problems.put("publishable_key", new Problem("format",
                    "must be a Stripe publishable key (pk_test_… or pk_live_…)"));
        }
        if (problems.isEmpty() && StripeMode.ofKey(secret) != StripeMode.ofKey(publishable)) {
            problems.put("publishable_key", new Problem("mode_mismatch", "is a " + StripeMode.ofKey(publishable).code()
                    + " key but the secret key is a " + StripeMode.ofKey(secret).code()
                    + " key: both must be of the same mode"));
        }
        String webhook = trimmed(webhookSecret);
        if (webhook != null && !isWebhookSecret(webhook)) {
            problems.put("webhook_secret", new Problem("format", "must be a Stripe webhook signing secret (whsec_…)"));
        }
        return problems;
    }

    /** Whether this (trimmed) text looks like a Stripe webhook signing secret. */
    static boolean isWebhookSecret(String value) {
        return value != null && value.matches("^whsec_[A-Za-z0-9+/=]{10,}$");
    }

    StripeMode mode() {
        return StripeMode.ofKey(secretKey.strip());
    }

    StripeKeys trim() {
        return new StripeKeys(trimmed(publishableKey), trimmed(secretKey), trimmed(webhookSecret));
    }

    /** {@code sk_live_…abcd}: all that is ever shown of a secret key. */
    static String hint(String secretKey) {
        return secretKey.substring(0, secretKey.indexOf('_', 3) + 1) + "…"
                + secretKey.substring(secretKey.length() - 4);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "StripeKeys[publishableKey=" + publishableKey + ", secretKey=***, webhookSecret=***]";
    }
}
