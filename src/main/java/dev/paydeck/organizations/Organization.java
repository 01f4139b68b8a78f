package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;

import java.time.OffsetDateTime;

/**
 * A tenant of Paydeck, and the Stripe account it uses (without any secret); where it is (ISO country) and the
 * currency it charges in, when it was told (the first-run page asks).
 */
public record Organization(OrganizationId id, String name, OffsetDateTime createdAt, StripeAccount stripe,
                           String country, String defaultCurrency) {

    /**
     * The organization's Stripe account as it may be shown: mode, publishable key, the last four characters of the
     * secret key, the state of the credential check and of the webhook endpoint.
     */
    public record StripeAccount(String source, StripeMode mode, String publishableKey, String secretKeyHint,
                                String checkStatus, String checkMessage, OffsetDateTime checkedAt,
                                String webhookStatus, String webhookMessage, String webhookEndpointId) {
    }
}
