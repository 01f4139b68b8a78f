package dev.paydeck.sandbox;

import com.stripe.model.Event;
import com.stripe.model.WebhookEndpoint;
import com.stripe.net.Webhook;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
import dev.paydeck.support.SandboxTest;
import dev.paydeck.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook delivery across Paydeck instances on one database: pending deliveries wait for whichever instance runs
 * next, and instances share the queue without sending anything twice. The suite's own instance plays one of them;
 * its worker is paused where the test needs "no instance running".
 */
class SandboxWebhookInstancesIntegrationTests extends SandboxTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private WebhookReceiver receiver;
    private Lifecycle worker;

    @BeforeEach
    void setUp() throws Exception {
        receiver = new WebhookReceiver();
        worker = context.getBean("sandboxWebhookWorker", Lifecycle.class);
    }

    @AfterEach
    void tearDown() {
        instances.forEach(ConfigurableApplicationContext::close);
        worker.start();
        receiver.close();
    }

    @Test
    void pendingDeliveriesAreSentByTheNextInstanceThatStarts() throws Exception {
        worker.stop();
        WebhookEndpoint endpoint = endpoint();
        stripe.v1().customers().create(CustomerCreateParams.builder().setName("Waiting").build());

        Thread.sleep(1500);
        assertThat(receiver.received()).as("no worker is running").isEmpty();
        assertThat(stripe.v1().events().list().getData().getFirst().getPendingWebhooks()).isEqualTo(1);

        startInstance();

        var request = receiver.await(1, Duration.ofSeconds(30)).getFirst();
        Event event = Webhook.constructEvent(request.body(), request.header("Stripe-Signature"),
                endpoint.getSecret());
        assertThat(event.getType()).isEqualTo("customer.created");
    }

    @Test
    void twoInstancesDeliverEveryEventExactlyOnce() throws Exception {
        worker.stop();
        WebhookEndpoint endpoint = endpoint();
        int count = 40;
        for (int i = 0; i < count; i++) {
            stripe.v1().customers().create(CustomerCreateParams.builder().setName("c" + i).build());
        }

        startInstance();
        worker.start();

        receiver.await(count, Duration.ofSeconds(60));
        Thread.sleep(1500);
        Map<String, Long> perEvent = receiver.received().stream()
                .map(request -> verified(request, endpoint.getSecret()).getId())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perEvent).hasSize(count);
        assertThat(perEvent.values()).containsOnly(1L);
        assertThat(jdbc.sql("select count(*) from sandbox.webhook_attempts a join sandbox.webhook_deliveries d "
                        + "on d.id = a.delivery_id where d.endpoint_id = ?").param(endpoint.getId())
                .query(Long.class).single()).isEqualTo(count);
    }

    private static Event verified(WebhookReceiver.Received request, String secret) {
        try {
            return Webhook.constructEvent(request.body(), request.header("Stripe-Signature"), secret);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private WebhookEndpoint endpoint() throws Exception {
        return stripe.v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder().setUrl(receiver.url())
                .addEnabledEvent(WebhookEndpointCreateParams.EnabledEvent.CUSTOMER__CREATED).build());
    }

    /** Another Paydeck instance on the same database, as a second node behind a load balancer would be. */
    private void startInstance() {
        // Command-line arguments, as an operator would pass them (they override application.yml).
        instances.add(dev.paydeck.support.SecondInstance.start(
                "--server.port=0",
                "--paydeck.database.url=" + TestDatabase.jdbcUrl(),
                "--paydeck.database.user=" + TestDatabase.user(),
                "--paydeck.data-directory=target/test-data",
                "--paydeck.sandbox.rate-limit=0",
                "--paydeck.sandbox.webhooks.retry-delays=1s,2s,2s",
                "--paydeck.sandbox.webhooks.poll-interval=200ms",
                "--paydeck.sandbox.webhooks.max-concurrent=4"));
    }
}
