package dev.paydeck.webhooks;

import dev.paydeck.support.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.Lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Processing across Paydeck instances on one database: stored events wait for whichever instance runs next (as
 * after a crash between storing and processing), and two instances sharing the queue apply every event exactly once.
 * The suite's own instance is one of them; its processor is stopped where the test needs "no instance running".
 */
class WebhookInstancesIntegrationTests extends WebhookTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    FlakyTestHandler handler;

    private Lifecycle processor;
    private ConfigurableApplicationContext other;

    @BeforeEach
    void setUp() {
        newOrganization();
        processor = context.getBean(WebhookProcessor.class);
    }

    @AfterEach
    void tearDown() {
        if (other != null) {
            other.close();
        }
        processor.start();
    }

    @Test
    void storedEventsWaitForAnInstanceAndTwoInstancesApplyEachExactlyOnce() throws Exception {
        processor.stop();
        int count = 30;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = newEventId();
            ids.add(id);
            assertThat(deliver(event(id, FlakyTestHandler.TYPE, Instant.now().getEpochSecond(),
                    "{\"fail_times\":0}")).statusCode()).isEqualTo(200);
        }
        Thread.sleep(1000);
        assertThat(events("?status=RECEIVED&limit=100")).as("no processor is running").hasSize(count);

        other = dev.paydeck.support.SecondInstance.start(
                "--server.port=0",
                "--paydeck.database.url=" + TestDatabase.jdbcUrl(),
                "--paydeck.database.user=" + TestDatabase.user(),
                "--paydeck.data-directory=target/test-data",
                "--paydeck.demo.enabled=false",
                "--paydeck.webhooks.poll-interval=100ms",
                "--paydeck.webhooks.max-concurrent=2");
        processor.start();

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(events("?status=PROCESSED&limit=100")).hasSize(count));
        FlakyTestHandler otherHandler = other.getBean(FlakyTestHandler.class);
        for (String id : ids) {
            assertThat(handler.successes(id) + otherHandler.successes(id)).as("effects of " + id).isEqualTo(1);
        }
    }
}
