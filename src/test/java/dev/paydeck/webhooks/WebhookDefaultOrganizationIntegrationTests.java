package dev.paydeck.webhooks;

import dev.paydeck.support.SecondInstance;
import dev.paydeck.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The address without an organization id, {@code /webhooks/stripe}, of single-organization set-ups: its events are
 * those of the organization {@code paydeck.webhooks.default-organization} names, otherwise of the only one. The suite's
 * database holds every test's organizations, so the cases with one organization or with the setting run on an
 * instance the test starts.
 */
class WebhookDefaultOrganizationIntegrationTests extends WebhookTest {

    private ConfigurableApplicationContext other;

    @AfterEach
    void stopOtherInstance() {
        if (other != null) {
            other.close();
        }
    }

    @Test
    void withOneOrganizationItsEventsNeedNoOrganizationId() {
        other = startInstance(TestDatabase.newDatabase());
        // From here on the test talks to that installation only: it has a database of its own, with one organization.
        port = portOf(other);
        newOrganization();
        String id = newEventId();
        String payload = event(id, FlakyTestHandler.TYPE, Instant.now().getEpochSecond(), "{\"fail_times\":0}");

        var response = deliverWithoutOrganizationId(payload, signature(webhookSecret, Instant.now().getEpochSecond(),
                payload));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("received").asBoolean()).isTrue();
        assertThat(awaitStatus(id, "PROCESSED").get("attempts").asInt()).isEqualTo(1);
        assertThat(other.getBean(FlakyTestHandler.class).successes(id)).isEqualTo(1);
    }

    @Test
    void theSettingNamesTheOrganizationAmongSeveral() {
        newOrganization();
        newOrganization();
        other = startInstance(TestDatabase.jdbcUrl(), "--paydeck.webhooks.default-organization=" + organization);
        String id = newEventId();
        String payload = event(id, FlakyTestHandler.TYPE, Instant.now().getEpochSecond(), "{\"fail_times\":0}");

        var response = throughOtherInstance(() -> deliverWithoutOrganizationId(payload,
                signature(webhookSecret, Instant.now().getEpochSecond(), payload)));

        assertThat(response.statusCode()).isEqualTo(200);
        awaitStatus(id, "PROCESSED");
    }

    @Test
    void withSeveralOrganizationsAndNoSettingTheOrganizationIdMustBeInTheUrlAndNothingIsStored() {
        newOrganization();
        newOrganization();
        String id = newEventId();
        String payload = event(id, FlakyTestHandler.TYPE, Instant.now().getEpochSecond(), "{\"fail_times\":0}");

        var response = deliverWithoutOrganizationId(payload, signature(webhookSecret, Instant.now().getEpochSecond(),
                payload));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("detail").asString()).contains("/webhooks/stripe/{organizationId}");
        assertThat(response.headers().firstValue("Content-Security-Policy")).as("the machine endpoints' chain")
                .hasValue("default-src 'none'; frame-ancestors 'none'");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(events("")).isEmpty();
        assertThat(deliver(payload).statusCode()).as("the organization's own address").isEqualTo(200);
    }

    /** A Paydeck instance of its own on the database, configured as the suite's plus {@code settings}. */
    private static ConfigurableApplicationContext startInstance(String databaseUrl, String... settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--paydeck.database.url=" + databaseUrl,
                "--paydeck.database.user=" + TestDatabase.user(),
                "--paydeck.data-directory=target/test-data",
                "--paydeck.demo.enabled=false",
                "--paydeck.sandbox.rate-limit=0",
                "--paydeck.stripe.api-base=http://127.0.0.1:${local.server.port}/sandbox",
                "--paydeck.webhooks.poll-interval=200ms"));
        arguments.addAll(List.of(settings));
        return SecondInstance.start(arguments.toArray(String[]::new));
    }

    private static int portOf(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
    }

    private <T> T throughOtherInstance(Supplier<T> call) {
        int own = port;
        port = portOf(other);
        try {
            return call.get();
        } finally {
            port = own;
        }
    }
}
