package dev.paydeck.webhooks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Processing of stored events: retries, FAILED with the error kept, replay, ordering, and listeners' effects. */
class WebhookProcessingIntegrationTests extends WebhookTest {

    @Autowired
    FlakyTestHandler flaky;

    @Autowired
    ReadingTestMirror reading;

    @Autowired
    WebhookProcessor processor;

    @BeforeEach
    void setUp() {
        newOrganization();
    }

    @Test
    void aHandlerThatFailsTwiceThenSucceedsEndsProcessedAfterRetries() {
        String id = newEventId();
        deliver(event(id, FlakyTestHandler.TYPE, Instant.now().getEpochSecond(), "{\"id\":\"x_1\",\"fail_times\":2}"));

        JsonNode stored = awaitStatus(id, "PROCESSED");

        assertThat(stored.get("attempts").asInt()).isEqualTo(3);
        assertThat(flaky.successes(id)).isEqualTo(1);
    }

    @Test
    void inABurstProcessedInBatchesAFailingEventFailsAloneAndEachListenerRunsOncePerAttempt() throws Exception {
        List<String> failingOnce = new ArrayList<>();
        List<String> succeeding = new ArrayList<>();
        try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String id = newEventId();
                (i % 5 == 0 ? failingOnce : succeeding).add(id);
                String object = "{\"id\":\"x_burst_" + i + "\",\"fail_times\":" + (i % 5 == 0 ? 1 : 0) + "}";
                answers.add(senders.submit(() -> deliver(event(id, FlakyTestHandler.TYPE,
                        Instant.now().getEpochSecond(), object))));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
            }
        }

        for (String id : failingOnce) {
            assertThat(awaitStatus(id, "PROCESSED").get("attempts").asInt()).isEqualTo(2);
            assertThat(flaky.calls.get(id).get()).as("listener calls of " + id).isEqualTo(2);
            assertThat(flaky.successes(id)).isEqualTo(1);
        }
        for (String id : succeeding) {
            assertThat(awaitStatus(id, "PROCESSED").get("attempts").asInt()).isEqualTo(1);
            assertThat(flaky.successes(id)).isEqualTo(1);
        }
    }

    @Test
    void anEventThatNeedsStripesObjectBecauseOfAnEarlierEventInItsBatchIsReadAndAppliedInItsFirstAttempt() {
        // Stored while the processor is stopped, the events are claimed together: each object's two in one batch,
        // as a test clock's renewal sends invoice.finalized and invoice.paid of a new invoice within one second.
        List<String> needingRead = new ArrayList<>();
        long created = Instant.now().getEpochSecond();
        processor.stop();
        try {
            for (int i = 0; i < 4; i++) {
                String object = "{\"id\":\"x_read_" + i + "_" + newEventId() + "\"}";
                assertThat(deliver(event(newEventId(), ReadingTestMirror.RECORDED, created, object)).statusCode())
                        .isEqualTo(200);
                String id = newEventId();
                needingRead.add(id);
                assertThat(deliver(event(id, ReadingTestMirror.NEEDS_READ, created + 1, object)).statusCode())
                        .isEqualTo(200);
            }
        } finally {
            processor.start();
        }

        for (String id : needingRead) {
            assertThat(awaitStatus(id, "PROCESSED").get("attempts").asInt())
                    .as("attempts of " + id + " (a second one waits for the retry delay)").isEqualTo(1);
            assertThat(reading.applied(id)).isEqualTo(1);
        }
    }

    @Test
    void anEventFailingEveryAttemptIsFailedWithItsErrorAndCanBeReplayed() {
        String id = newEventId();
        deliver(event(id, FlakyTestHandler.TYPE, Instant.now().getEpochSecond(), "{\"id\":\"x_2\",\"fail_times\":4}"));

        JsonNode failed = awaitStatus(id, "FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(4);
        assertThat(failed.get("last_error").asString()).contains("Failing on purpose");
        assertThat(events("?status=FAILED")).hasSize(1);

        var viewer = apiKey(owner, organization, "viewer");
        assertThat(call("POST", "/api/v1/webhook-events/" + failed.get("id").asString() + "/replay", viewer, null)
                .statusCode()).isEqualTo(403);
        var replay = call("POST", "/api/v1/webhook-events/" + failed.get("id").asString() + "/replay", apiKey, null);
        assertThat(replay.statusCode()).isEqualTo(202);

        awaitStatus(id, "PROCESSED");
        assertThat(flaky.successes(id)).isEqualTo(1);
    }

    @Test
    void replayFailedReplaysEveryFailedEvent() {
        String first = newEventId();
        String second = newEventId();
        deliver(event(first, FlakyTestHandler.TYPE, Instant.now().getEpochSecond(), "{\"fail_times\":4}"));
        deliver(event(second, FlakyTestHandler.TYPE, Instant.now().getEpochSecond(), "{\"fail_times\":4}"));
        awaitStatus(first, "FAILED");
        awaitStatus(second, "FAILED");

        var replayed = call("POST", "/api/v1/webhook-events/replay-failed", apiKey, null);

        assertThat(json(replayed).get("replayed").asInt()).isEqualTo(2);
        awaitStatus(first, "PROCESSED");
        awaitStatus(second, "PROCESSED");
    }

    @Test
    void succeededDeliveredBeforeProcessingLeavesThePaymentSucceeded() {
        long now = Instant.now().getEpochSecond();
        String intent = "pi_" + newEventId().substring(4);
        String succeeded = newEventId();
        String processing = newEventId();

        deliver(event(succeeded, "payment_intent.succeeded", now, paymentIntent(intent, "succeeded", 1500)));
        awaitStatus(succeeded, "PROCESSED");
        deliver(event(processing, "payment_intent.processing", now - 3, paymentIntent(intent, "processing", 0)));
        awaitStatus(processing, "PROCESSED");
        deliver(event(succeeded, "payment_intent.succeeded", now, paymentIntent(intent, "succeeded", 1500)));

        JsonNode payments = json(call("GET", "/api/v1/payment-intents", apiKey, null)).get("data");
        assertThat(payments).hasSize(1);
        JsonNode payment = payments.get(0);
        assertThat(payment.get("stripe_payment_intent_id").asString()).isEqualTo(intent);
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        assertThat(payment.get("amount_received").asLong()).isEqualTo(1500);
        assertThat(payment.get("amount").asLong()).isEqualTo(1500);
    }

    @Test
    void anOlderEventNeverMovesAPaymentBack() {
        long now = Instant.now().getEpochSecond();
        String intent = "pi_" + newEventId().substring(4);
        String capturable = newEventId();
        String action = newEventId();

        deliver(event(capturable, "payment_intent.amount_capturable_updated", now,
                paymentIntent(intent, "requires_capture", 0)));
        awaitStatus(capturable, "PROCESSED");
        deliver(event(action, "payment_intent.requires_action", now - 10, paymentIntent(intent, "requires_action", 0)));
        awaitStatus(action, "PROCESSED");

        assertThat(json(call("GET", "/api/v1/payment-intents", apiKey, null)).get("data").get(0).get("status")
                .asString()).isEqualTo("requires_capture");
    }

    @Test
    void aDisputeIsRecordedOnItsPayment() {
        long now = Instant.now().getEpochSecond();
        String intent = "pi_" + newEventId().substring(4);
        String succeeded = newEventId();
        deliver(event(succeeded, "payment_intent.succeeded", now, paymentIntent(intent, "succeeded", 1500)));
        awaitStatus(succeeded, "PROCESSED");
        String disputed = newEventId();

        deliver(event(disputed, "charge.dispute.created", now, "{\"id\":\"dp_1\",\"object\":\"dispute\",\"amount\":"
                + "1500,\"currency\":\"usd\",\"charge\":\"ch_1\",\"payment_intent\":\"" + intent + "\",\"reason\":"
                + "\"fraudulent\",\"status\":\"needs_response\",\"created\":" + now + "}"));

        awaitStatus(disputed, "PROCESSED");
        var audit = json(call("GET", "/api/v1/audit-log", apiKey, null));
        assertThat(audit.toString()).contains("payment.disputed").contains("fraudulent");
    }

    static String paymentIntent(String id, String status, long received) {
        return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":1500,\"amount_capturable\":0,"
                + "\"amount_received\":" + received + ",\"currency\":\"usd\",\"capture_method\":\"automatic\","
                + "\"status\":\"" + status + "\",\"metadata\":{\"order\":\"42\"},\"livemode\":false,\"created\":"
                + Instant.now().getEpochSecond() + "}";
    }
}
