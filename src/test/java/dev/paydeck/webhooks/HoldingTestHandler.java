package dev.paydeck.webhooks;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener only the tests have, for the made-up type {@code paydeck_test.held}: its first attempt at an event holds
 * it for {@code data.object.hold_seconds} (an instance busy with it, or hung), later attempts finish at once. Counts
 * committed successes, so a test sees the event applied exactly once by whichever instance took it over.
 */
@Component
public class HoldingTestHandler {

    static final String TYPE = "paydeck_test.held";

    private final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();

    @StripeEventListener(TYPE)
    void on(StripeEventReceived event) throws InterruptedException {
        if (event.attempt() == 1) {
            int seconds = tools.jackson.databind.json.JsonMapper.builder().build().readTree(event.payload())
                    .path("data").path("object").path("hold_seconds").asInt();
            Thread.sleep(seconds * 1000L);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                successes.computeIfAbsent(event.stripeEventId(), id -> new AtomicInteger()).incrementAndGet();
            }
        });
    }

    int successes(String eventId) {
        AtomicInteger count = successes.get(eventId);
        return count == null ? 0 : count.get();
    }
}
