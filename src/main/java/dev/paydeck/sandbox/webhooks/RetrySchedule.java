package dev.paydeck.sandbox.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the n-th failed attempt waits the n-th delay; past the last delay the
 * delivery has failed for good. With Stripe's live-mode schedule that is eight more attempts over about 3 days.
 */
record RetrySchedule(List<Duration> delays) {

    RetrySchedule {
        delays = List.copyOf(delays);
        if (delays.stream().anyMatch(delay -> delay.isNegative())) {
            throw new IllegalArgumentException("Retry delays must not be negative: " + delays);
        }
    }

    /** The wait before the next attempt after {@code attemptsMade} attempts all failed; empty: give up. */
    Optional<Duration> delayAfter(int attemptsMade) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        return Optional.of(delays.get(attemptsMade - 1));
    }

    /** How many attempts a delivery gets in all, the first included. */
    int maxAttempts() {
        return delays.size() + 1;
    }
}
