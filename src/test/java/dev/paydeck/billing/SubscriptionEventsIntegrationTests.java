package dev.paydeck.billing;

import dev.paydeck.support.IntegrationTest;
import dev.paydeck.support.StripeSignatures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stripe's subscription events, signed as Stripe signs them, reach a subscription in order: a late update cannot bring
 * back what a newer change undid (Paydeck takes Stripe's current subscription), and a status older than the newest one
 * applied is skipped, while a newer one applies even when it goes back (active ⇄ past due).
 */
class SubscriptionEventsIntegrationTests extends IntegrationTest {

    private String key;
    private String organization;
    private String secretKey;
    private String webhookSecret;

    private void organizationWithAKnownWebhookSecret() {
        var account = json(send(request("/sandbox/accounts?name=subscription-events").header("Accept",
                "application/json").POST(HttpRequest.BodyPublishers.noBody())));
        secretKey = account.get("secret_key").asString();
        webhookSecret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
        Person owner = signUp("Subscription events owner");
        organization = createOrganization(owner, "Subscription events " + UUID.randomUUID(), "{\"publishable_key\":\""
                + account.get("publishable_key").asString() + "\",\"secret_key\":\"" + secretKey
                + "\",\"webhook_secret\":\"" + webhookSecret + "\"}").get("id").asString();
        key = apiKey(owner, organization, "admin");
    }

    /** The subscription as Stripe's API renders it (the object an event carries). */
    private ObjectNode stripeObject(String stripeId) {
        return (ObjectNode) json(send(request("/sandbox/v1/subscriptions/" + stripeId)
                .header("Authorization", "Bearer " + secretKey).GET()));
    }

    /** Delivers a signed event around the object and waits until Paydeck has processed it. */
    private void deliver(String type, long created, JsonNode object) {
        String id = "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String payload = "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"2026-07-29.dahlia\","
                + "\"created\":" + created + ",\"data\":{\"object\":" + object + "},\"livemode\":false,"
                + "\"pending_webhooks\":1,\"request\":{\"id\":null,\"idempotency_key\":null},\"type\":\"" + type + "\"}";
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

    private JsonNode subscription(String id) {
        return json(call("GET", "/api/v1/subscriptions/" + id, key, null));
    }

    @Test
    void lateAndOlderEventsNeverMoveASubscriptionBackwards() {
        organizationWithAKnownWebhookSecret();
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Plan\"}")).get("id").asString();
        String price = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":"
                + "900,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}")).get("id").asString();
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"events@example.com\"}"))
                .get("id").asString();
        JsonNode created = json(call("POST", "/api/v1/subscriptions", key, "{\"customer_id\":\"" + customer
                + "\",\"price_id\":\"" + price + "\",\"collection_method\":\"send_invoice\"}"));
        String id = created.get("id").asString();
        String stripeId = created.get("stripe_subscription_id").asString();

        // Set to cancel at the period's end, then resumed: the update event of the first change arrives last.
        call("POST", "/api/v1/subscriptions/" + id + "/cancel", key, "{\"at_period_end\":true}");
        ObjectNode ending = stripeObject(stripeId);
        assertThat(ending.get("cancel_at_period_end").asBoolean()).isTrue();
        call("POST", "/api/v1/subscriptions/" + id + "/resume", key, null);
        long now = Instant.now().getEpochSecond();
        deliver("customer.subscription.updated", now, ending);
        assertThat(subscription(id).get("cancel_at_period_end").asBoolean()).as("Stripe's current subscription")
                .isFalse();

        // A renewal fails (past due), a retry is paid (active): both apply, in the order of their events.
        ObjectNode pastDue = stripeObject(stripeId).put("status", "past_due");
        ObjectNode active = stripeObject(stripeId).put("status", "active");
        deliver("customer.subscription.paused", now + 100, pastDue);
        assertThat(subscription(id).get("status").asString()).isEqualTo("past_due");
        deliver("customer.subscription.resumed", now + 200, active);
        assertThat(subscription(id).get("status").asString()).isEqualTo("active");
        // The past-due snapshot again, older than the newest applied: skipped.
        deliver("customer.subscription.paused", now + 150, pastDue);
        assertThat(subscription(id).get("status").asString()).as("an older event").isEqualTo("active");

        // Canceled is final: a later event cannot bring it back.
        ObjectNode canceled = stripeObject(stripeId).put("status", "canceled");
        deliver("customer.subscription.deleted", now + 300, canceled);
        assertThat(subscription(id).get("status").asString()).isEqualTo("canceled");
        deliver("customer.subscription.resumed", now + 400, active);
        assertThat(subscription(id).get("status").asString()).isEqualTo("canceled");
    }
}
