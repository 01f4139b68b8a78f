package dev.paydeck.webhooks;

import com.stripe.StripeClient;
import com.stripe.model.WebhookEndpoint;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stripe (the sandbox) sends real signed events to Paydeck's endpoint: Paydeck verifies, stores and applies them,
 * also for changes made directly in Stripe. And resync repairs what changed in Stripe while no event came.
 */
class WebhookEndToEndIntegrationTests extends WebhookTest {

    private StripeClient stripe;

    @BeforeEach
    void setUp() {
        newOrganization();
        stripe = StripeClient.builder().setApiKey(secretKey).setApiBase(url("/sandbox")).build();
    }

    @Test
    void aPaymentAndARefundMadeInStripeArriveSignedAndAreApplied() throws Exception {
        subscribeToStripe();
        var created = json(call("POST", "/api/v1/payment-intents", apiKey, "{\"amount\":2500,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}")).get("payment");
        String paymentId = created.get("id").asString();
        String intent = created.get("stripe_payment_intent_id").asString();
        awaitEvent("payment_intent.succeeded", "PROCESSED");

        var refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent)
                .setAmount(700L).build());

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode detail = json(call("GET", "/api/v1/payment-intents/" + paymentId, apiKey, null));
            assertThat(detail.get("refunds")).hasSize(1);
            assertThat(detail.get("refunds").get(0).get("stripe_refund_id").asString()).isEqualTo(refund.getId());
            assertThat(detail.get("refunds").get(0).get("amount").asLong()).isEqualTo(700);
            assertThat(detail.get("payment").get("amount_refunded").asLong()).isEqualTo(700);
        });

        var customer = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("dash@example.com")
                .setName("Made In Dashboard").build());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                json(call("GET", "/api/v1/customers?search=dash@example.com", apiKey, null)).toString())
                .contains(customer.getId()).contains("Made In Dashboard"));
    }

    @Test
    void theOldWebhookSecretStaysValidAfterARotation() throws Exception {
        String old = webhookSecret;
        subscribeToStripe();
        String payload = event(newEventId(), "balance.available", Instant.now().getEpochSecond(), "{}");

        var response = deliver(organization, payload, signature(old, Instant.now().getEpochSecond(), payload));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void resyncRepairsWhatChangedInStripeWithoutAnEvent() throws Exception {
        var customer = json(call("POST", "/api/v1/customers", apiKey,
                "{\"email\":\"before@example.com\",\"name\":\"Before\"}"));
        var payment = json(call("POST", "/api/v1/payment-intents", apiKey,
                "{\"amount\":1200,\"currency\":\"usd\"}")).get("payment");
        stripe.v1().customers().update(customer.get("stripe_customer_id").asString(),
                CustomerUpdateParams.builder().setName("After").build());
        stripe.v1().paymentIntents().confirm(payment.get("stripe_payment_intent_id").asString(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());
        var elsewhere = stripe.v1().paymentIntents().create(com.stripe.param.PaymentIntentCreateParams.builder()
                .setAmount(900L).setCurrency("eur").build());

        var viewer = apiKey(owner, organization, "viewer");
        assertThat(call("POST", "/api/v1/resync", viewer, null).statusCode()).isEqualTo(403);
        var report = call("POST", "/api/v1/resync", apiKey, null);

        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains(payment.get("stripe_payment_intent_id").asString() + ": "
                + payment.get("status").asString() + " → succeeded")
                .contains(elsewhere.getId() + ": recorded").contains(customer.get("stripe_customer_id").asString());
        assertThat(json(call("GET", "/api/v1/customers/" + customer.get("id").asString(), apiKey, null))
                .get("name").asString()).isEqualTo("After");
        assertThat(json(call("GET", "/api/v1/payment-intents/" + payment.get("id").asString(), apiKey, null))
                .get("payment").get("status").asString()).isEqualTo("succeeded");
        assertThat(json(call("POST", "/api/v1/resync", apiKey, null)).toString()).as("nothing left to repair")
                .doesNotContain("→").doesNotContain("recorded");
    }

    /** Registers Paydeck's endpoint in the sandbox account and gives Paydeck its secret (a rotation). */
    private void subscribeToStripe() throws Exception {
        WebhookEndpoint endpoint = stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl(url("/webhooks/stripe/" + organization))
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.PAYMENT_INTENT__SUCCEEDED)
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CHARGE__REFUNDED)
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.REFUND__CREATED)
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED)
                .build());
        var replaced = call("PUT", "/api/v1/organizations/" + organization + "/stripe-keys", owner.token(),
                "{\"publishable_key\":\"" + publishableKey
                        + "\",\"secret_key\":\"" + secretKey + "\",\"webhook_secret\":\"" + endpoint.getSecret()
                        + "\"}");
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        webhookSecret = endpoint.getSecret();
    }

    private void awaitEvent(String type, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                events("?type=" + type + "&status=" + status)).isNotEmpty());
    }
}
