package dev.paydeck.sandbox.testclocks;

import dev.paydeck.sandbox.api.ClockWork;
import dev.paydeck.sandbox.api.HostedPages;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A clock's advance after the call that started it: step by step, each in its own transaction, the clock's time
 * moves to the earliest time some {@link ClockWork} is due, that work runs, and so on until nothing is due before
 * the target; then the clock is {@code ready} at the target. A step that fails is rolled back whole, and the clock
 * is left at the last time it reached, in {@code internal_failure}.
 */
@Component
class TestClockWalk {

    private static final Logger log = LoggerFactory.getLogger(TestClockWalk.class);
    /** More steps than any honest advance takes (two years of daily work is 730): a guard against work never done. */
    static final int MAX_STEPS = 10_000;

    private final ObjectStore store;
    private final SandboxEvents events;
    private final ObjectProvider<ClockWork> works;
    private final TransactionTemplate transactions;

    TestClockWalk(ObjectStore store, SandboxEvents events, ObjectProvider<ClockWork> works,
            TransactionTemplate transactions) {
        this.store = store;
        this.events = events;
        this.works = works;
        this.transactions = transactions;
    }

    /** Walks the clock on a thread of its own once the current transaction has committed. */
    void startAfterCommit(String accountId, String clockId, String apiVersion) {
        String base = HostedPages.base();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                Thread.ofVirtual().name("sandbox-test-clock-" + clockId)
                        .start(() -> HostedPages.runOn(base, () -> walk(accountId, clockId, apiVersion)));
            }
        });
    }

    void walk(String accountId, String clockId, String apiVersion) {
        try {
            for (int step = 0; step < MAX_STEPS; step++) {
                if (Boolean.TRUE.equals(transactions.execute(status -> step(accountId, clockId, apiVersion)))) {
                    return;
                }
            }
            throw new IllegalStateException("Test clock " + clockId + " still had work due after " + MAX_STEPS
                    + " steps");
        } catch (RuntimeException failure) {
            log.warn("Advancing test clock {} of sandbox account {} failed", clockId, accountId, failure);
            transactions.executeWithoutResult(status -> failed(accountId, clockId, apiVersion));
        }
    }

    /** One step: true when the clock is done (ready at its target, or gone). */
    private boolean step(String accountId, String clockId, String apiVersion) {
        ObjectNode clock = store.findForUpdate(accountId, clockId)
                .filter(found -> TestClockJson.OBJECT.equals(found.path("object").asString())).orElse(null);
        if (clock == null || TestClockJson.status(clock) != TestClockStatus.ADVANCING) {
            return true;
        }
        long from = clock.get("frozen_time").asLong();
        long target = clock.at("/status_details/advancing/target_frozen_time").asLong();
        long earliest = Long.MAX_VALUE;
        List<ClockWork> due = new ArrayList<>();
        for (ClockWork work : works.orderedStream().toList()) {
            OptionalLong next = work.nextDue(accountId, clockId, from, target);
            if (next.isEmpty()) {
                continue;
            }
            long at = next.getAsLong();
            if (at <= from || at > target) {
                throw new IllegalStateException(work.getClass().getSimpleName() + " said work was due at " + at
                        + ", outside (" + from + ", " + target + "]");
            }
            if (at < earliest) {
                earliest = at;
                due.clear();
            }
            if (at == earliest) {
                due.add(work);
            }
        }
        if (due.isEmpty()) {
            clock.put("frozen_time", target);
            TestClockJson.ready(clock);
            store.update(accountId, clock);
            events.publish(accountId, apiVersion, "test_helpers.test_clock.ready", clock, null);
            return true;
        }
        // The clock's time first: what the work makes reads it (SandboxClock.nowOn) as its "now".
        clock.put("frozen_time", earliest);
        store.update(accountId, clock);
        for (ClockWork work : due) {
            work.runDue(accountId, clockId, earliest);
        }
        return false;
    }

    private void failed(String accountId, String clockId, String apiVersion) {
        store.findForUpdate(accountId, clockId)
                .filter(found -> TestClockJson.OBJECT.equals(found.path("object").asString()))
                .ifPresent(clock -> {
                    TestClockJson.failed(clock);
                    store.update(accountId, clock);
                    events.publish(accountId, apiVersion, "test_helpers.test_clock.internal_failure", clock, null);
                });
    }
}
