package dev.paydeck.billing;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe's subscription events, signed as Stripe signs them, reach a subscription in order: a late update cannot bring
 * back what a newer change undid (Paydeck takes Stripe's current subscription), and a status older than the newest one
 * applied is skipped, while a newer one applies even when it goes back (active ⇄ past due).
 */
class SubscriptionEventsIntegrationTests extends SignedEventsTest {

    /** The subscription as Stripe's API renders it (the object an event carries). */
    private ObjectNode stripeObject(String stripeId) {
        return (ObjectNode) json(send(request("/sandbox/v1/subscriptions/" + stripeId)
                .header("Authorization", "Bearer " + secretKey).GET()));
    }

    private JsonNode subscription(String id) {
        return json(call("GET", "/api/v1/subscriptions/" + id, key, null));
    }

    @Test
    void lateAndOlderEventsNeverMoveASubscriptionBackwards() {
        organizationWithAKnownWebhookSecret("Subscription events");
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
