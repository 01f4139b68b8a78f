package dev.paydeck.sandbox.webhooks;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTests {

    private static final String SECRET = "whsec_test_0123456789abcdefghijklmnopqrstu";
    private static final String PAYLOAD = """
            {"id": "evt_1", "object": "event", "api_version": "2026-07-29.dahlia", "created": 1700000000,
             "data": {"object": {"id": "cus_1", "object": "customer", "name": "Zoë"}}, "livemode": false,
             "pending_webhooks": 1, "request": {"id": null, "idempotency_key": null}, "type": "customer.created"}""";

    @Test
    void stripeJavaVerifiesTheSignature() throws Exception {
        long now = Instant.now().getEpochSecond();

        Event event = Webhook.constructEvent(PAYLOAD, WebhookSignature.header(SECRET, now, PAYLOAD), SECRET);

        assertThat(event.getId()).isEqualTo("evt_1");
        assertThat(event.getType()).isEqualTo("customer.created");
    }

    @Test
    void isTheHexHmacSha256OfTimestampDotPayload() {
        // Known answer: HMAC-SHA256(key "whsec_x", "1700000000.{}"), computed independently with openssl.
        assertThat(WebhookSignature.header("whsec_x", 1700000000L, "{}")).isEqualTo(
                "t=1700000000,v1=be8cb8325f2202445260a855532f967e30ad2a9394ce28da66ee02880ddcb661");
    }

    @Test
    void aChangedPayloadWrongSecretOrOldTimestampFailsVerification() {
        long now = Instant.now().getEpochSecond();
        String header = WebhookSignature.header(SECRET, now, PAYLOAD);

        assertThatThrownBy(() -> Webhook.constructEvent(PAYLOAD.replace("Zoë", "Zoe"), header, SECRET))
                .isInstanceOf(SignatureVerificationException.class);
        assertThatThrownBy(() -> Webhook.constructEvent(PAYLOAD, header, SECRET + "x"))
                .isInstanceOf(SignatureVerificationException.class);
        String old = WebhookSignature.header(SECRET, now - 3600, PAYLOAD);
        assertThatThrownBy(() -> Webhook.constructEvent(PAYLOAD, old, SECRET, 300,
                Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC)))
                .isInstanceOf(SignatureVerificationException.class);
    }
}
