package dev.paydeck.organizations;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe credentials as a person enters them. {@link #problems()} says what is wrong with them, field by field:
 * prefixes, and a publishable key of the same mode as the secret key.
 */
public record StripeKeys(String publishableKey, String secretKey, String webhookSecret) {

    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        String secret = trimmed(secretKey);
        String publishable = trimmed(publishableKey);
        if (secret == null) {
            problems.put("secret_key", "is required");
        } else if (!secret.matches("^(sk|rk)_(test|live)_[A-Za-z0-9]{10,}$")) {
            problems.put("secret_key", "must be a Stripe secret key (sk_test_…, sk_live_…) or restricted key "
                    + "(rk_test_…, rk_live_…)");
        }
        if (publishable == null) {
            problems.put("publishable_key", "is required");
        } else if (!publishable.matches("^pk_(test|live)_[A-Za-z0-9]{10,}$")) {
            problems.put("publishable_key", "must be a Stripe publishable key (pk_test_… or pk_live_…)");
        }
        if (problems.isEmpty() && StripeMode.ofKey(secret) != StripeMode.ofKey(publishable)) {
            problems.put("publishable_key", "is a " + StripeMode.ofKey(publishable).code() + " key but the secret key "
                    + "is a " + StripeMode.ofKey(secret).code() + " key: both must be of the same mode");
        }
        String webhook = trimmed(webhookSecret);
        if (webhook != null && !webhook.matches("^whsec_[A-Za-z0-9+/=]{10,}$")) {
            problems.put("webhook_secret", "must be a Stripe webhook signing secret (whsec_…)");
        }
        return problems;
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
