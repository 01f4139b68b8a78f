package dev.paydeck.sandbox.api;

/**
 * A sandbox Stripe account and its test-mode keys. {@code fault} is the Stripe failure it simulates, if any:
 * {@code none}, {@code unavailable} (requests fail with 500 without running) or {@code lose_response} (requests
 * run, but the caller gets a 500 as if the response were lost). An account that is not {@code listed} does not
 * appear on the sandbox pages of a stand-alone sandbox (it was opened by a program that keeps its keys, e.g. for a
 * Paydeck organization). {@code createdBy} is the name of the signed-in person who opened it, null when nobody was
 * signed in: in the full product the pages show the account to that person.
 */
public record SandboxAccount(String id, String name, String secretKey, String publishableKey, String fault,
                             boolean listed, String createdBy) {

    public static final String NO_FAULT = "none";

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
