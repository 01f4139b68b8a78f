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

    /** A new organization's customer on a monthly plan, invoiced (Paydeck's answer to the subscription's create). */
    private JsonNode subscribed(String organization, String email) {
        organizationWithAKnownWebhookSecret(organization);
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Plan\"}")).get("id").asString();
        String price = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":"
                + "900,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}")).get("id").asString();
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"" + email + "\"}"))
                .get("id").asString();
        return json(call("POST", "/api/v1/subscriptions", key, "{\"customer_id\":\"" + customer
                + "\",\"price_id\":\"" + price + "\",\"collection_method\":\"send_invoice\"}"));
    }

    private JsonNode subscription(String id) {
        return json(call("GET", "/api/v1/subscriptions/" + id, key, null));
    }

    @Test
    void lateAndOlderEventsNeverMoveASubscriptionBackwards() {
        JsonNode created = subscribed("Subscription events", "events@example.com");
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

    @Test
    void aRenewalIsAppliedFromItsEventAndAnythingMoreIsReadFromStripe() {
        JsonNode created = subscribed("Subscription renewals", "renewals@example.com");
        String id = created.get("id").asString();
        String stripeId = created.get("stripe_subscription_id").asString();
        String periodEnd = subscription(id).get("current_period_end").asString();
        long now = Instant.now().getEpochSecond();

        // The next period, as a renewal's event carries it (Stripe's own subscription is still in the first one:
        // reading it would keep the first period).
        ObjectNode renewed = nextPeriod(stripeObject(stripeId));
        deliver("customer.subscription.updated", now + 100, renewed);
        assertThat(subscription(id).get("current_period_start").asString()).as("applied from the event")
                .isEqualTo(periodEnd);

        // The first period's snapshot, late and with another change: older than the record, nothing to apply (nor
        // to read: Stripe's subscription would bring the first period back).
        deliver("customer.subscription.updated", now + 50, stripeObject(stripeId).put("cancel_at_period_end", true));
        JsonNode late = subscription(id);
        assertThat(late.get("current_period_start").asString()).isEqualTo(periodEnd);
        assertThat(late.get("cancel_at_period_end").asBoolean()).isFalse();

        // A later period that also cancels at its end: more than a renewal, so Stripe's current subscription is
        // read and applied (the first period, not cancelling).
        ObjectNode renewedAndEnding = nextPeriod(renewed.deepCopy()).put("cancel_at_period_end", true);
        deliver("customer.subscription.updated", now + 200, renewedAndEnding);
        JsonNode read = subscription(id);
        assertThat(read.get("cancel_at_period_end").asBoolean()).as("Stripe's current subscription").isFalse();
        assertThat(read.get("current_period_end").asString()).isEqualTo(periodEnd);
    }

    /** The subscription a month on: its items' period moved forward by its length. */
    private static ObjectNode nextPeriod(ObjectNode subscription) {
        for (JsonNode item : subscription.get("items").get("data")) {
            long start = item.get("current_period_start").asLong();
            long end = item.get("current_period_end").asLong();
            ((ObjectNode) item).put("current_period_start", end).put("current_period_end", end + (end - start));
        }
        return subscription;
    }
}
