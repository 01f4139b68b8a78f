package dev.paydeck.billing;

import dev.paydeck.support.IntegrationTest;
import dev.paydeck.support.StripeSignatures;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests that hand Paydeck Stripe events of their own making, signed as Stripe signs them: an organization on a
 * sandbox account whose webhook secret the test knows, and a delivery that waits until Paydeck processed the event.
 */
abstract class SignedEventsTest extends IntegrationTest {

    protected String key;
    protected String organization;
    protected String secretKey;
    private String webhookSecret;

    protected void organizationWithAKnownWebhookSecret(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replace(' ', '-');
        var account = json(send(request("/sandbox/accounts?name=" + slug).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())));
        secretKey = account.get("secret_key").asString();
        webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        Person owner = signUp(name + " owner");
        organization = createOrganization(owner, name + " " + UUID.randomUUID(), "{\"publishable_key\":\""
                + account.get("publishable_key").asString() + "\",\"secret_key\":\"" + secretKey
                + "\",\"webhook_secret\":\"" + webhookSecret + "\"}").get("id").asString();
        key = apiKey(owner, organization, "admin");
    }

    /** Delivers a signed event around the object and waits until Paydeck has processed it. */
    protected void deliver(String type, long created, JsonNode object) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String payload = "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\","
                + "\"created\":" + created + ",\"data\":{\"object\":" + object + "},\"livemode\":false,"
                + "\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},"
                + "\"type\":\"" + type + "\"}";
        var delivered = send(request("/webhooks/stripe/" + organization)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Stripe-Signature", StripeSignatures.header(webhookSecret, Instant.now().getEpochSecond(),
                        payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload)));
        assertThat(delivered.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/webhook-events?limit=100", key,
                null)).get("data").valueStream().anyMatch(event -> event.get("stripe_event_id").asString().equals(id)
                && event.get("status").asString().equals("PROCESSED")));
    }
}
