package dev.paydeck.webhooks;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A listener only the tests have, for the made-up type {@code paydeck_test.flaky}: it fails the first
 * {@code data.object.fail_times} calls for an event, then succeeds, and counts the calls and the committed successes,
 * so tests see retries, FAILED, replays and exactly-once effects.
 */
@Component
public class FlakyTestHandler {

    static final String TYPE = "paydeck_test.flaky";

    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> successes = new ConcurrentHashMap<>();

    @StripeEventListener(TYPE)
    void on(StripeEventReceived event) {
        int call = calls.computeIfAbsent(event.stripeEventId(), id -> new AtomicInteger()).incrementAndGet();
        int failTimes = tools.jackson.databind.json.JsonMapper.builder().build().readTree(event.payload())
                .path("data").path("object").path("fail_times").asInt();
        if (call <= failTimes) {
            throw new IllegalStateException("Failing on purpose (call " + call + " of " + failTimes + ")");
        }
        // A success is counted when it commits: a listener's run in a batch that another event's failure rolled
        // back left no effect, and is run again.
        Runnable success = () -> successes.computeIfAbsent(event.stripeEventId(), id -> new AtomicInteger())
                .incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    success.run();
                }
            });
        } else {
            success.run();
        }
    }

    int successes(String eventId) {
        AtomicInteger count = successes.get(eventId);
        return count == null ? 0 : count.get();
    }
}
