package dev.paydeck.dashboard.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The first-run form: the organization's name, country and default currency, and its Stripe: {@code sandbox} (an
 * account of Paydeck's sandbox, the default) or {@code keys} (the keys pasted below). Field errors are worded in the
 * message bundles ({@code NotBlank.form.name}…).
 */
record OrganizationForm(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "^[A-Z]{2}$") String country,
        @NotBlank @Pattern(regexp = "^[A-Z]{3}$") String currency,
        @Pattern(regexp = "^(sandbox|keys)$") String stripe,
        String publishableKey,
        String secretKey,
        String webhookSecret) {

    boolean withKeys() {
        return "keys".equals(stripe);
    }
}
