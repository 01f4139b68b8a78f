package dev.paydeck.sandbox.testclocks;

import dev.paydeck.sandbox.api.ClockWork;
import dev.paydeck.sandbox.api.SandboxClock;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Work only the tests have: due at the times a test gives for a clock, noting each time it runs and the clock's time
 * the sandbox reads then; or failing at a given time, or holding the clock until the test lets it go. Clocks it was
 * told nothing of have nothing due.
 */
@Component
class ScriptedClockWork implements ClockWork {

    record Run(long at, long clockTime) {
    }

    private final SandboxClock clock;
    private final Map<String, NavigableSet<Long>> due = new ConcurrentHashMap<>();
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private final Map<String, List<Run>> runs = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

    ScriptedClockWork(SandboxClock clock) {
        this.clock = clock;
    }

    void schedule(String testClockId, long... times) {
        NavigableSet<Long> set = due.computeIfAbsent(testClockId, id -> new ConcurrentSkipListSet<>());
        for (long time : times) {
            set.add(time);
        }
    }

    void failAt(String testClockId, long at) {
        schedule(testClockId, at);
        failures.put(testClockId, at);
    }

    /** Work due at {@code at} that waits, keeping the clock advancing, until the latch is counted down. */
    CountDownLatch hold(String testClockId, long at) {
        schedule(testClockId, at);
        return holds.computeIfAbsent(testClockId, id -> new CountDownLatch(1));
    }

    List<Run> runs(String testClockId) {
        return List.copyOf(runs.getOrDefault(testClockId, List.of()));
    }

    @Override
    public OptionalLong nextDue(String accountId, String testClockId, long from, long to) {
        NavigableSet<Long> times = testClockId == null ? null : due.get(testClockId);
        Long next = times == null ? null : times.higher(from);
        return next != null && next <= to ? OptionalLong.of(next) : OptionalLong.empty();
    }

    @Override
    public void runDue(String accountId, String testClockId, long at) {
        if (testClockId == null) {
            return; // the wall clock's customers: none of this script's
        }
        if (Long.valueOf(at).equals(failures.get(testClockId))) {
            throw new IllegalStateException("Scripted failure at " + at);
        }
        CountDownLatch hold = holds.get(testClockId);
        if (hold != null) {
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runs.computeIfAbsent(testClockId, id -> new CopyOnWriteArrayList<>())
                .add(new Run(at, clock.nowOn(accountId, testClockId)));
    }
}
