package dev.paydeck.sandbox.subscriptions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A price's billing interval counted from the subscription's billing cycle anchor, in UTC as Stripe counts it: the
 * n-th boundary is the anchor plus n intervals, each computed from the anchor (so an anchor on the 31st bills on the
 * last day of shorter months and on the 31st again after them).
 */
record BillingPeriods(long anchor, String interval, long intervalCount) {

    /** The n-th boundary after (n > 0) or before (n < 0) the anchor. */
    long boundary(long n) {
        ZonedDateTime start = Instant.ofEpochSecond(anchor).atZone(ZoneOffset.UTC);
        long steps = n * intervalCount;
        ZonedDateTime at = switch (interval) {
            case "day" -> start.plusDays(steps);
            case "week" -> start.plusWeeks(steps);
            case "month" -> start.plusMonths(steps);
            case "year" -> start.plusYears(steps);
            default -> throw new IllegalArgumentException("No billing interval " + interval);
        };
        return at.toEpochSecond();
    }

    /** The first boundary strictly after the time (the end of the period that holds it). */
    long endAfter(long time) {
        if (time < anchor) {
            long n = 0;
            while (boundary(n - 1) > time) {
                n--;
            }
            return boundary(n);
        }
        long n = 1;
        while (boundary(n) <= time) {
            n++;
        }
        return boundary(n);
    }

    /** The boundary just before {@code end} (a whole period's start). */
    long startBefore(long end) {
        long n = 1;
        if (end <= anchor) {
            n = 0;
            while (boundary(n) > end) {
                n--;
            }
            return boundary(n - 1);
        }
        while (boundary(n) < end) {
            n++;
        }
        return boundary(n - 1);
    }
}
