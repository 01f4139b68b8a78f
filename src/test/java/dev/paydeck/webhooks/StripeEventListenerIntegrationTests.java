package dev.paydeck.webhooks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Events reach the {@link StripeEventListener}s of their type only; what none takes is IGNORED. */
class StripeEventListenerIntegrationTests extends WebhookTest {

    @Autowired
    RecordingTestListener listener;

    @BeforeEach
    void setUp() {
        newOrganization();
    }

    @Test
    void aListenerOfAFamilyTakesItsTypesOnlyAndAnEventNobodyTakesIsIgnored() {
        long now = Instant.now().getEpochSecond();
        String refundUpdated = newEventId();
        String succeeded = newEventId();
        String unhandled = newEventId();

        deliver(event(refundUpdated, "refund.updated", now, "{\"id\":\"re_" + refundUpdated.substring(4)
                + "\",\"object\":\"refund\",\"amount\":500,\"currency\":\"usd\",\"status\":\"succeeded\"}"));
        deliver(event(succeeded, "payment_intent.succeeded", now, WebhookProcessingIntegrationTests.paymentIntent(
                "pi_" + succeeded.substring(4), "succeeded", 1500)));
        deliver(event(unhandled, "refunds_are_not_a_family.updated", now, "{\"id\":\"x_1\"}"));

        awaitStatus(refundUpdated, "PROCESSED");
        awaitStatus(succeeded, "PROCESSED");
        awaitStatus(unhandled, "IGNORED");
        assertThat(listener.refundEvents).contains(refundUpdated).doesNotContain(succeeded, unhandled);
    }

    @Test
    void aCheckedExceptionOfAListenerIsKeptAsTheEventsError() {
        String id = newEventId();
        deliver(event(id, RecordingTestListener.CHECKED_FAILURE, Instant.now().getEpochSecond(), "{\"id\":\"x_2\"}"));

        var failed = awaitStatus(id, "FAILED");

        assertThat(failed.get("last_error").asString())
                .isEqualTo("IOException: Failing with a checked exception on purpose");
    }
}
