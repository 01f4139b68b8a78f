package dev.paydeck.sandbox.api;

import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The sandbox's notion of now, in Unix seconds as Stripe's timestamps are: the wall clock, or for what belongs to a
 * customer on a test clock, that clock's time ({@code frozen_time}), which moves only when the clock is advanced.
 */
@Component
public class SandboxClock {

    private final Clock clock = Clock.systemUTC();
    private final ObjectStore store;

    SandboxClock(ObjectStore store) {
        this.store = store;
    }

    public long now() {
        return clock.instant().getEpochSecond();
    }

    /** Now for a customer's objects: its test clock's time when it is on one, else the wall clock's. */
    public long nowFor(String accountId, String customerId) {
        if (customerId == null) {
            return now();
        }
        String testClock = store.find(accountId, customerId).map(customer -> customer.path("test_clock"))
                .filter(node -> node.isString()).map(node -> node.asString()).orElse(null);
        return testClock == null ? now() : nowOn(accountId, testClock);
    }

    /** A test clock's time. */
    public long nowOn(String accountId, String testClockId) {
        return store.find(accountId, testClockId).map(clockObject -> clockObject.path("frozen_time").asLong(now()))
                .orElseGet(this::now);
    }
}
