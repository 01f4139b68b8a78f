package dev.paydeck.exports;

import dev.paydeck.support.FreePort;
import dev.paydeck.support.IntegrationTest;
import dev.paydeck.support.PaydeckProcess;
import dev.paydeck.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payments CSV export of a large history streams: 100,000 payments come out of a Paydeck whose heap could not
 * hold them all at once (as rows, objects or text), in a JVM of its own on the suite's database.
 */
class PaymentExportMemoryIntegrationTests extends IntegrationTest {

    private static final int PAYMENTS = 100_000;

    /**
     * Enough for Paydeck to start and serve, well short of the export's size in memory: the CSV alone is about 15 MB
     * of text (30 MB as Java strings), and the driver's rows and the payments as objects take several times that.
     */
    private static final String HEAP = "-Xmx112m";

    private static final Path LOG = Path.of("target", "paydeck-small-heap.log");

    @Autowired
    JdbcClient jdbc;

    private Process paydeck;

    @AfterEach
    void stop() throws InterruptedException {
        if (paydeck != null) {
            paydeck.destroyForcibly().waitFor();
        }
    }

    @Test
    void aHundredThousandPaymentsAreExportedByAPaydeckWithASmallHeap() throws Exception {
        Person owner = signUp("Large history");
        String organization = createOrganization(owner, "History Co", null).get("id").asString();
        String key = apiKey(owner, organization, "viewer");
        int recorded = jdbc.sql("""
                insert into payments (organization_id, id, stripe_payment_intent_id, amount, currency, description,
                                      capture_method, status, amount_received, created_at, updated_at)
                select :organization, gen_random_uuid(), 'pi_history_' || n, 1000 + n, 'USD',
                       'Order #' || n || ', paid by card', 'automatic', 'succeeded', 1000 + n,
                       timestamptz '2026-01-01 00:00:00+00' + n * interval '1 minute',
                       timestamptz '2026-01-01 00:00:00+00' + n * interval '1 minute'
                from generate_series(1, :count) n
                """).param("organization", UUID.fromString(organization)).param("count", PAYMENTS).update();
        assertThat(recorded).isEqualTo(PAYMENTS);

        int port = FreePort.pick();
        paydeck = PaydeckProcess.start(List.of(HEAP, "-XX:+ExitOnOutOfMemoryError"),
                Path.of("target", "test-data-small-heap"), LOG,
                "--server.port=" + port,
                "--paydeck.sandbox.port=" + FreePort.pick(),
                "--paydeck.database.url=" + TestDatabase.jdbcUrl(),
                "--paydeck.database.user=" + TestDatabase.user(),
                "--paydeck.demo.enabled=false");
        awaitHealthy(port);

        HttpResponse<InputStream> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/payment-intents/export"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/csv")
                .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(export.statusCode()).as(() -> "export answered: " + body(export)).isEqualTo(200);
        long rows = 0;
        String first = null;
        String last = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
            lines.readLine(); // the header
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                first = first == null ? line : first;
                last = line;
                rows++;
            }
        } catch (IOException brokenOff) {
            throw new AssertionError("The export broke off after " + rows + " payments: " + tail(), brokenOff);
        }
        assertThat(rows).as("payments exported").isEqualTo(PAYMENTS);
        // Newest first: the last payment recorded, then down to the first.
        assertThat(first).contains(",2026-03-11T10:40:00Z,succeeded,1010.00,1010.00,0.00,USD,")
                .contains(",\"Order #100000, paid by card\",pi_history_100000,");
        assertThat(last).contains(",2026-01-01T00:01:00Z,succeeded,10.01,10.01,0.00,USD,")
                .contains(",pi_history_1,");
        assertThat(paydeck.isAlive()).as("Paydeck still runs after the export (see " + LOG + ")").isTrue();
    }

    private void awaitHealthy(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            assertThat(paydeck.isAlive()).as("Paydeck exited early: " + tail()).isTrue();
            try {
                if (client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Paydeck did not become healthy in time: " + tail());
    }

    private static String body(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return new String(body.readNBytes(2_000), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String tail() throws IOException {
        List<String> lines = Files.readAllLines(LOG);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
