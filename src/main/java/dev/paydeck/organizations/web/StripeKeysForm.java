package dev.paydeck.organizations.web;

/**
 * New Stripe keys pasted on the settings page. Field errors are worded in the message bundles
 * ({@code format.stripeKeysForm.secretKey}, {@code mode_mismatch.stripeKeysForm.publishableKey}…).
 */
record StripeKeysForm(String publishableKey, String secretKey) {

    static StripeKeysForm empty() {
        return new StripeKeysForm("", "");
    }
}
