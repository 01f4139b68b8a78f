package dev.paydeck.webhooks;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Listeners only the tests have: one for the {@code refund.*} family that notes the events it gets, and one for the
 * made-up type {@code paydeck_test.checked} that always fails with a checked exception.
 */
@Component
class RecordingTestListener {

    static final String CHECKED_FAILURE = "paydeck_test.checked";

    final Set<String> refundEvents = ConcurrentHashMap.newKeySet();

    @StripeEventListener("refund.*")
    void onRefund(StripeEventReceived event) {
        refundEvents.add(event.stripeEventId());
    }

    @StripeEventListener(CHECKED_FAILURE)
    void onCheckedFailure(StripeEventReceived event) throws IOException {
        throw new IOException("Failing with a checked exception on purpose");
    }
}
