package dev.paydeck.sandbox.api;

/** A sandbox Stripe account and its test-mode keys. */
public record SandboxAccount(String id, String name, String secretKey, String publishableKey) {

    /** {@code sk_test_…abcd}: how a key may be shown where the whole key must not be. */
    public static String masked(String key) {
        int prefix = key.indexOf('_', key.indexOf('_') + 1) + 1;
        return key.substring(0, prefix) + "…" + key.substring(key.length() - 4);
    }

    @Override
    public String toString() {
        return "SandboxAccount[" + id + ", " + name + "]";
    }
}
