package dev.paydeck.webhooks;

import dev.paydeck.support.PaydeckProcess;
import dev.paydeck.support.TestDatabase;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.Lifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance killed with {@code kill -9} while it holds events: its heartbeat stops, and the surviving instance (the
 * suite's own) takes its events over and processes them within 15 seconds, not after the 2-minute lease.
 */
class WebhookCrashTakeoverIntegrationTests extends WebhookTest {

    private static final int EVENTS = 40;

    @Autowired
    ApplicationContext context;

    @Autowired
    HoldingTestHandler handler;

    @Autowired
    JdbcClient jdbc;

    private Lifecycle processor;
    private Process killed;

    @BeforeEach
    void setUp() {
        newOrganization();
        processor = context.getBean(WebhookProcessor.class);
    }

    @AfterEach
    void tearDown() {
        if (killed != null) {
            killed.destroyForcibly();
        }
        processor.start();
    }

    @Test
    void theEventsOfAnInstanceKilledWhileProcessingThemAreProcessedWithin15Seconds() throws Exception {
        // The suite's instance takes no event until the other has claimed them all.
        processor.stop();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String id = newEventId();
            ids.add(id);
            assertThat(deliver(event(id, HoldingTestHandler.TYPE, Instant.now().getEpochSecond(),
                    "{\"hold_seconds\":600}")).statusCode()).isEqualTo(200);
        }
        killed = PaydeckProcess.start(Path.of("target", "test-data-killed-instance"),
                Path.of("target", "paydeck-killed-instance.log"),
                "--server.port=0",
                "--paydeck.database.url=" + TestDatabase.jdbcUrl(),
                "--paydeck.database.user=" + TestDatabase.user(),
                "--paydeck.stripe.api-base=http://127.0.0.1:" + port + "/sandbox",
                "--paydeck.demo.enabled=false",
                "--paydeck.webhooks.poll-interval=100ms",
                "--paydeck.webhooks.max-concurrent=64");
        Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(events("?status=PROCESSING&limit=100")).as("claimed by the other instance")
                        .hasSize(EVENTS));
        UUID suiteInstance = context.getBean(WebhookInstances.class).id();
        List<UUID> claimants = jdbc.sql("select distinct claimed_by from webhook_events where organization_id = ?")
                .param(UUID.fromString(organization)).query(UUID.class).list();
        assertThat(claimants).hasSize(1).doesNotContain(suiteInstance);

        killed.destroyForcibly().waitFor();
        Instant killedAt = Instant.now();
        processor.start();

        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(events("?status=PROCESSED&limit=100")).hasSize(EVENTS));
        System.out.printf("%d events of the killed instance processed %d ms after the kill%n", EVENTS,
                Duration.between(killedAt, Instant.now()).toMillis());
        for (JsonNode event : events("?limit=100")) {
            assertThat(event.get("attempts").asInt()).as("taken over after the kill").isEqualTo(2);
        }
        for (String id : ids) {
            assertThat(handler.successes(id)).as("effects of " + id).isEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from webhook_instances where id = ?").param(claimants.getFirst())
                .query(Long.class).single()).as("the dead instance is forgotten").isZero();
    }
}
