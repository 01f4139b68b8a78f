package dev.paydeck.sandbox.testclocks;

import dev.paydeck.sandbox.api.ClockWork;
import dev.paydeck.sandbox.api.HostedPages;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A clock's advance after the call that started it: step by step, the clock's time moves to the earliest time some
 * {@link ClockWork} is due (committed first, so that the work sees it), that work runs (each piece in a transaction
 * of its own, several at once), and so on until nothing is due before the target; then the clock is {@code ready}
 * at the target. Work cut short (a restart, a failed piece) is overdue at the next step and done then; a walk that
 * fails is left at the last time it reached, in {@code internal_failure}.
 */
@Component
class TestClockWalk {

    private static final Logger log = LoggerFactory.getLogger(TestClockWalk.class);
    /** More steps than any honest advance takes (two years of daily work is 730): a guard against work never done. */
    static final int MAX_STEPS = 10_000;
    /** Internal fields of an advancing clock: what its walk needs of the request that started it. */
    private static final String API_VERSION = "_api_version";
    private static final String HOSTED_BASE = "_hosted_base";

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

    /**
     * Walks the clock on a thread of its own once the current transaction has committed. What the walk needs of the
     * request that started it (the API version of its events, the address of hosted pages) is kept with the clock, so
     * that a walk cut short by a restart goes on after it ({@link #resumeAll}).
     */
    void startAfterCommit(String accountId, ObjectNode clock, String apiVersion) {
        clock.put(API_VERSION, apiVersion);
        clock.put(HOSTED_BASE, HostedPages.base());
        String clockId = clock.get("id").asString();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                start(accountId, clockId, clock.get(HOSTED_BASE).asString(), apiVersion);
            }
        });
    }

    /**
     * Walks on the clocks left advancing (by an instance that stopped while it walked them). Steps take the clock's
     * lock and start from its committed time, so a clock that another instance is still walking is walked by both in
     * turns, each step once.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeAll() {
        for (Map.Entry<String, String> advancing : store.acrossAccounts(TestClockJson.OBJECT, "status",
                TestClockStatus.ADVANCING.stripeName())) {
            store.find(advancing.getKey(), advancing.getValue()).ifPresent(clock -> start(advancing.getKey(),
                    advancing.getValue(), clock.path(HOSTED_BASE).asString(""),
                    clock.path(API_VERSION).asString(StripeCall.DEFAULT_API_VERSION)));
        }
    }

    private void start(String accountId, String clockId, String hostedBase, String apiVersion) {
        Thread.ofVirtual().name("sandbox-test-clock-" + clockId)
                .start(() -> HostedPages.runOn(hostedBase, () -> walk(accountId, clockId, apiVersion)));
    }

    void walk(String accountId, String clockId, String apiVersion) {
        try {
            for (int step = 0; step < MAX_STEPS; step++) {
                Step next = transactions.execute(status -> step(accountId, clockId, apiVersion));
                if (next == null) {
                    return;
                }
                for (ClockWork work : next.due()) {
                    work.runDue(accountId, clockId, next.at());
                }
            }
            throw new IllegalStateException("Test clock " + clockId + " still had work due after " + MAX_STEPS
                    + " steps");
        } catch (RuntimeException failure) {
            log.warn("Advancing test clock {} of sandbox account {} failed", clockId, accountId, failure);
            transactions.executeWithoutResult(status -> failed(accountId, clockId, apiVersion));
        }
    }

    /** The work due at a clock's new time. */
    private record Step(long at, List<ClockWork> due) {
    }

    /** Moves the clock to the time work is next due, and says what is due then; null when the clock is done. */
    private Step step(String accountId, String clockId, String apiVersion) {
        ObjectNode clock = store.findForUpdate(accountId, clockId)
                .filter(found -> TestClockJson.OBJECT.equals(found.path("object").asString())).orElse(null);
        if (clock == null || TestClockJson.status(clock) != TestClockStatus.ADVANCING) {
            return null;
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
            return null;
        }
        // The clock's time first: what the work makes reads it (SandboxClock.nowOn) as its "now".
        clock.put("frozen_time", earliest);
        store.update(accountId, clock);
        return new Step(earliest, due);
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
