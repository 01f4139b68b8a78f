package dev.paydeck.sandbox.testclocks;

import java.util.Arrays;
import java.util.Locale;

/**
 * A test clock's status: {@code ready} (it may be advanced, and its customers changed), {@code advancing} (its time
 * is moving towards {@code status_details.advancing.target_frozen_time}), {@code internal_failure} (an advance
 * failed part way: the clock keeps the time it had reached, and may be advanced again).
 */
public enum TestClockStatus {
    READY, ADVANCING, INTERNAL_FAILURE;

    public String stripeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TestClockStatus of(String stripeName) {
        return Arrays.stream(values()).filter(status -> status.stripeName().equals(stripeName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown test clock status " + stripeName));
    }

    /** Whether an advance may start from this status: not while one is under way. */
    boolean mayAdvance() {
        return this != ADVANCING;
    }
}
