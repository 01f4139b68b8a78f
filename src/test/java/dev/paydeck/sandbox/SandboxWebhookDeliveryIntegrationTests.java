package dev.paydeck.sandbox;

import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import com.stripe.param.WebhookEndpointUpdateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxWebhookDeliveryIntegrationTests extends SandboxTest {

    @Autowired
    JdbcClient jdbc;

    WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void deliversEachEventSignedAsStripeSignsIt() throws Exception {
        WebhookEndpoint endpoint = endpoint(WebhookEndpointCreateParams.EnabledEvent.ALL);
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build());

        var request = receiver.await(1, Duration.ofSeconds(10)).getFirst();

        assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(request.header("User-Agent")).isEqualTo("Stripe/1.0 (+https://stripe.com/docs/webhooks)");
        assertThat(request.header("Stripe-Signature")).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(request.header("Upgrade")).as("a plain HTTP/1.1 request, without an h2c upgrade offer").isNull();
        Event event = Webhook.constructEvent(request.body(), request.header("Stripe-Signature"),
                endpoint.getSecret());
        assertThat(event.getType()).isEqualTo("customer.created");
        assertThat(event.getPendingWebhooks()).isEqualTo(1);
        assertThat(((Customer) event.getDataObjectDeserializer().getObject().orElseThrow()).getId())
                .isEqualTo(customer.getId());
        assertThat(event.getRequest().getId()).startsWith("req_");

        awaitPendingWebhooks(event.getId(), 0);
        assertThatOtherSecretsDoNotVerify(request);
    }

    @Test
    void sendsOnlyTheTypesAnEndpointSubscribedToAndNothingToDisabledEndpoints() throws Exception {
        endpoint(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__UPDATED);
        WebhookEndpoint disabled = endpoint(WebhookEndpointCreateParams.EnabledEvent.ALL);
        stripe.v1().webhookEndpoints().update(disabled.getId(),
                WebhookEndpointUpdateParams.builder().setDisabled(true).build());

        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Bo").build());
        stripe.v1().customers().update(customer.getId(), CustomerUpdateParams.builder().setName("Bob").build());

        var received = receiver.await(1, Duration.ofSeconds(10));
        Thread.sleep(1000);
        assertThat(receiver.received()).hasSize(1);
        assertThat(Webhook.constructEventWithoutVerification(received.getFirst().body()).getType())
                .isEqualTo("customer.updated");
        assertThat(stripe.v1().events().list().getData()).extracting(Event::getPendingWebhooks)
                .containsExactly(0L, 0L);
    }

    @Test
    void retriesAfterAFailedAttemptAndRecordsEachAttempt() throws Exception {
        receiver.answer(500);
        WebhookEndpoint endpoint = endpoint(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED);
        stripe.v1().customers().create(CustomerCreateParams.builder().setName("Cy").build());

        var received = receiver.await(2, Duration.ofSeconds(15));

        Event first = Webhook.constructEvent(received.get(0).body(), received.get(0).header("Stripe-Signature"),
                endpoint.getSecret());
        Event second = Webhook.constructEvent(received.get(1).body(), received.get(1).header("Stripe-Signature"),
                endpoint.getSecret());
        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
                .as("the configured first retry delay (1s)").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        awaitPendingWebhooks(first.getId(), 0);
        assertThat(attempts(first.getId())).containsExactly(Map.of("attempt", 1, "status_code", 500),
                Map.of("attempt", 2, "status_code", 200));
        assertThat(deliveryStatus(first.getId())).isEqualTo("succeeded");
    }

    @Test
    void givesUpAfterTheLastRetryAndKeepsTheWebhookPending() throws Exception {
        receiver.alwaysAnswer(503);
        endpoint(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED);
        stripe.v1().customers().create(CustomerCreateParams.builder().setName("Di").build());
        String eventId = stripe.v1().events().list().getData().getFirst().getId();

        // 1 attempt + the 3 retries the tests configure (1s, 2s, 2s)
        receiver.await(4, Duration.ofSeconds(20));
        Instant deadline = Instant.now().plusSeconds(5);
        while (!"failed".equals(deliveryStatus(eventId)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(deliveryStatus(eventId)).isEqualTo("failed");
        Thread.sleep(2500);
        assertThat(receiver.received()).hasSize(4);
        assertThat(stripe.v1().events().retrieve(eventId).getPendingWebhooks())
                .as("Stripe counts webhooks not yet delivered successfully").isEqualTo(1);
    }

    private WebhookEndpoint endpoint(WebhookEndpointCreateParams.EnabledEvent events) throws Exception {
        return stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder().setUrl(receiver.url())
                .addEnabledEvent(events).build());
    }

    private void awaitPendingWebhooks(String eventId, long expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (stripe.v1().events().retrieve(eventId).getPendingWebhooks() != expected
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(stripe.v1().events().retrieve(eventId).getPendingWebhooks()).isEqualTo(expected);
    }

    private List<Map<String, Object>> attempts(String eventId) {
        return jdbc.sql("select a.attempt, a.status_code from sandbox.webhook_attempts a "
                        + "join sandbox.webhook_deliveries d on d.id = a.delivery_id where d.event_id = ? "
                        + "order by a.attempt")
                .param(eventId).query().listOfRows();
    }

    private String deliveryStatus(String eventId) {
        return jdbc.sql("select status from sandbox.webhook_deliveries where event_id = ?").param(eventId)
                .query(String.class).single();
    }

    private static void assertThatOtherSecretsDoNotVerify(WebhookReceiver.Received request) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Webhook.constructEvent(request.body(),
                        request.header("Stripe-Signature"), "whsec_not_the_secret"))
                .isInstanceOf(com.stripe.exception.SignatureVerificationException.class);
    }
}
