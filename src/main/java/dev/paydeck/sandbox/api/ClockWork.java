package dev.paydeck.sandbox.api;

import java.util.OptionalLong;

/**
 * Work that comes due as time passes for a set of customers — a subscription's renewal, a trial's end, a payment
 * retried, a draft invoice finalized: those on one test clock (moved by its {@code advance}), or, with a null
 * {@code testClockId}, those on no clock (moved by the wall clock).
 *
 * <p>Advancing a clock asks every {@code ClockWork} for its earliest due time up to the target, sets the clock's time
 * to the earliest of them, runs what is due then, and goes on until nothing is due before the target: so every
 * object and event is made at the time Stripe would make it, in Stripe's order.
 */
public interface ClockWork {

    /**
     * The earliest time in {@code (from, to]} at which work is due for the clock's customers, if any. Work overdue
     * (due at {@code from} or before: a walk cut short by a restart, a piece that failed) is due at {@code from + 1}.
     */
    OptionalLong nextDue(String accountId, String testClockId, long from, long to);

    /**
     * Does the work due at {@code at} or before it (the clock's time is {@code at}, committed, while it runs), each
     * piece in a transaction of its own that checks again, under the lock of what it changes, that it is still due:
     * no transaction surrounds the call, and another instance may be doing the same work at once.
     */
    void runDue(String accountId, String testClockId, long at);
}
