package dev.paydeck.support;

import com.stripe.net.Webhook;

import java.security.GeneralSecurityException;

/**
 * {@code Stripe-Signature} headers for payloads a test or a benchmark sends as if from Stripe, made by stripe-java's
 * own generator ({@code t=…,v1=HMAC-SHA256("t.payload")}), so they are signed exactly as Stripe signs.
 */
public final class StripeSignatures {

    private StripeSignatures() {
    }

    public static String header(String secret, long timestamp, String payload) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, timestamp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
