package dev.paydeck.webhooks;

import dev.paydeck.support.IntegrationTest;
import dev.paydeck.support.StripeSignatures;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Base of webhook tests: an organization with real-format keys of its own sandbox account and a webhook secret the
 * test knows, so it signs events exactly as Stripe does ({@code t=…,v1=HMAC-SHA256("t.payload")}). Such an
 * organization has no endpoint registered (Paydeck's address is local), so only the test's events arrive.
 */
abstract class WebhookTest extends IntegrationTest {

    protected Person owner;
    protected String organization;
    protected String apiKey;
    protected String secretKey;
    protected String publishableKey;
    protected String webhookSecret;

    protected void newOrganization() {
        var account = json(send(request("/sandbox/accounts?name=webhooks").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())));
        secretKey = account.get("secret_key").asString();
        publishableKey = account.get("publishable_key").asString();
        webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        owner = signUp("Webhook Owner");
        organization = createOrganization(owner, "Webhooks " + UUID.randomUUID(), "{\"publishable_key\":\""
                + account.get("publishable_key").asString() + "\",\"secret_key\":\"" + secretKey
                + "\",\"webhook_secret\":\"" + webhookSecret + "\"}").get("id").asString();
        apiKey = apiKey(owner, organization, "admin");
    }

    protected static String signature(String secret, long timestamp, String payload) {
        return StripeSignatures.header(secret, timestamp, payload);
    }

    /** A Stripe event around {@code object} (JSON), created at {@code created}. */
    protected static String event(String id, String type, long created, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\",\"created\":"
                + created + ",\"data\":{\"object\":" + object + "},\"livemode\":false,\"pending_webhooks\":1,"
                + "\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\"}";
    }

    protected static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    protected HttpResponse<String> deliver(String organizationId, String payload, String signatureHeader) {
        return deliverTo("/webhooks/stripe/" + organizationId, payload, signatureHeader);
    }

    /** Delivers to the address without an organization id, the default organization's. */
    protected HttpResponse<String> deliverWithoutOrganizationId(String payload, String signatureHeader) {
        return deliverTo("/webhooks/stripe", payload, signatureHeader);
    }

    private HttpResponse<String> deliverTo(String path, String payload, String signatureHeader) {
        var builder = request(path)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                .POST(HttpRequest.BodyPublishers.ofString(payload));
        if (signatureHeader != null) {
            builder.header("Stripe-Signature", signatureHeader);
        }
        return send(builder);
    }

    /** Delivers the payload signed now with the organization's secret. */
    protected HttpResponse<String> deliver(String payload) {
        return deliver(organization, payload, signature(webhookSecret, Instant.now().getEpochSecond(), payload));
    }

    protected JsonNode events(String query) {
        return json(call("GET", "/api/v1/webhook-events" + query, apiKey, null)).get("data");
    }

    /** Waits until the stored event with this Stripe id has the status, and returns it. */
    protected JsonNode awaitStatus(String stripeEventId, String status) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            found[0] = null;
            for (JsonNode event : events("?limit=100")) {
                if (event.get("stripe_event_id").asString().equals(stripeEventId)) {
                    found[0] = event;
                }
            }
            org.assertj.core.api.Assertions.assertThat(found[0]).as("event " + stripeEventId).isNotNull();
            org.assertj.core.api.Assertions.assertThat(found[0].get("status").asString()).isEqualTo(status);
        });
        return found[0];
    }
}
