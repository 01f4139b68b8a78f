package dev.paydeck.sandbox.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}, where the HMAC is
 * computed with the endpoint's whole secret ({@code whsec_...}) as key over {@code "<t>.<payload>"}. Receivers
 * verify it with Stripe's libraries ({@code Webhook.constructEvent}) exactly as they verify Stripe's own.
 */
final class WebhookSignature {

    private WebhookSignature() {
    }

    static String header(String secret, long timestamp, String payload) {
        return "t=" + timestamp + ",v1=" + hmacSha256(secret, timestamp + "." + payload);
    }

    static String hmacSha256(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
