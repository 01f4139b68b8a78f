package dev.paydeck.webhooks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What stripe-java leaves to its caller in a {@code Stripe-Signature} header: a timestamp that is no number (it
 * threw, and the endpoint answered 500 with a stack trace), one in the future, no {@code v1}, several {@code v1}.
 */
class WebhookSignatureHeaderIntegrationTests extends WebhookTest {

    @BeforeEach
    void setUp() {
        newOrganization();
    }

    @Test
    void aMalformedHeaderIsRefusedWith400AndOneWarningWithoutAStackTraceAndNothingIsStored() throws IOException {
        String payload = event(newEventId(), "customer.created", Instant.now().getEpochSecond(), "{\"id\":\"cus_x\"}");
        String now = String.valueOf(Instant.now().getEpochSecond());
        String valid = signature(webhookSecret, Instant.now().getEpochSecond(), payload);
        List<String> headers = List.of("t=abc,v1=zz", "t=,v1=", "t=99999999999999999999,v1=ab",
                "t=" + now + ",v0=" + valid.substring(valid.indexOf("v1=") + 3), "t=" + now, "t=" + now + ",v1",
                valid.substring(valid.indexOf(',') + 1));
        long logStart = Files.size(Path.of(LOG_FILE));

        for (String header : headers) {
            var response = deliver(organization, payload, header);

            assertThat(response.statusCode()).as(header).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(json(response).get("detail").asString()).as(header).contains("malformed Stripe-Signature");
        }

        assertThat(events("")).isEmpty();
        List<String> log = logSince(logStart);
        assertThat(log).filteredOn(line -> line.contains(" WARN ")
                        && line.contains("Stripe webhook for organization " + organization + " rejected: malformed"))
                .hasSize(headers.size());
        assertThat(log).noneMatch(line -> line.contains(" ERROR "));
        assertThat(log).as("no stack trace").noneMatch(line -> line.startsWith("\tat ")
                || line.startsWith("Caused by") || line.contains("NumberFormatException")
                || line.contains("IndexOutOfBoundsException"));
    }

    @Test
    void aTimestampInTheFutureIsAcceptedWithinTheToleranceAndRefusedBeyondIt() {
        long created = Instant.now().getEpochSecond();
        String later = event(newEventId(), "balance.available", created, "{\"object\":\"balance\"}");
        String tooLate = event(newEventId(), "balance.available", created, "{\"object\":\"balance\"}");

        var skewed = deliver(organization, later, signature(webhookSecret,
                Instant.now().plusSeconds(60).getEpochSecond(), later));
        var future = deliver(organization, tooLate, signature(webhookSecret,
                Instant.now().plusSeconds(300 + 60).getEpochSecond(), tooLate));

        assertThat(skewed.statusCode()).as("a clock a minute ahead").isEqualTo(200);
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(json(future).get("detail").asString()).contains("tolerance");
        assertThat(events("")).hasSize(1);
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnough() {
        String id = newEventId();
        String payload = event(id, "balance.available", Instant.now().getEpochSecond(), "{\"object\":\"balance\"}");
        long now = Instant.now().getEpochSecond();
        String right = signature(webhookSecret, now, payload).substring(("t=" + now + ",").length());
        String wrong = signature("whsec_an_older_secret", now, payload).substring(("t=" + now + ",").length());

        var response = deliver(organization, payload, "t=" + now + "," + wrong + "," + right + ",v0=0123abcd");

        assertThat(response.statusCode()).isEqualTo(200);
        awaitStatus(id, "IGNORED");
    }

    /** The lines the application logged since the log file had {@code start} bytes. */
    private static List<String> logSince(long start) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(LOG_FILE, "r")) {
            file.seek(start);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8).lines().toList();
        }
    }
}
