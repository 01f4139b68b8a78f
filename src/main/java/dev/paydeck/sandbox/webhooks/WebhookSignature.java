package dev.paydeck.sandbox.webhooks;

import com.stripe.net.Webhook;

import java.security.GeneralSecurityException;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}, where the HMAC is
 * computed with the endpoint's whole secret ({@code whsec_...}) as key over {@code "<t>.<payload>"}. Made by
 * stripe-java's own generator, so receivers verify it with Stripe's libraries ({@code Webhook.constructEvent})
 * exactly as they verify Stripe's own.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String header(String secret, long timestamp, String payload) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, timestamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
