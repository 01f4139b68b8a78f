package dev.paydeck.sandbox.testclocks;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How far a clock may be advanced, as Stripe documents it: past its current time, by at most two intervals of the
 * shortest subscription on it, or, with no subscription, two years.
 */
final class AdvanceLimits {

    private AdvanceLimits() {
    }

    static void check(ObjectStore store, String accountId, ObjectNode testClock, long target) {
        long frozen = testClock.get("frozen_time").asLong();
        if (target <= frozen) {
            throw StripeError.invalid("frozen_time", "The frozen_time (" + target + ") must be after the test "
                    + "clock’s current frozen time (" + frozen + ").");
        }
        ZonedDateTime from = Instant.ofEpochSecond(frozen).atZone(ZoneOffset.UTC);
        Optional<ZonedDateTime> twoIntervals = shortestInterval(store, accountId, testClock.get("id").asString(),
                from);
        long limit = twoIntervals.orElseGet(() -> from.plusYears(2)).toEpochSecond();
        if (target > limit) {
            throw StripeError.invalid("frozen_time", twoIntervals.isPresent()
                    ? "Cannot advance the test clock more than two intervals of its shortest subscription at a time "
                            + "(at most to " + limit + ")."
                    : "Cannot advance a test clock without subscriptions more than two years into the future (at "
                            + "most to " + limit + ").");
        }
    }

    /** Two intervals of the shortest of the clock's live subscriptions after {@code from}; empty with none. */
    private static Optional<ZonedDateTime> shortestInterval(ObjectStore store, String accountId, String clockId,
            ZonedDateTime from) {
        ZonedDateTime shortest = null;
        for (ObjectNode subscription : store.list(accountId, "subscription", ListQuery.newest(100)
                .where("test_clock", clockId), "/v1/subscriptions").data()) {
            if ("canceled".equals(subscription.path("status").asString()) || "incomplete_expired".equals(
                    subscription.path("status").asString())) {
                continue;
            }
            for (JsonNode item : subscription.path("items").path("data")) {
                JsonNode recurring = item.path("price").path("recurring");
                if (!recurring.isObject()) {
                    continue;
                }
                ZonedDateTime end = plus(from, recurring.path("interval").asString(),
                        2 * recurring.path("interval_count").asLong(1));
                if (end != null && (shortest == null || end.isBefore(shortest))) {
                    shortest = end;
                }
            }
        }
        return Optional.ofNullable(shortest);
    }

    private static ZonedDateTime plus(ZonedDateTime from, String interval, long count) {
        return switch (interval) {
            case "day" -> from.plus(count, ChronoUnit.DAYS);
            case "week" -> from.plus(count, ChronoUnit.WEEKS);
            case "month" -> from.plus(count, ChronoUnit.MONTHS);
            case "year" -> from.plus(count, ChronoUnit.YEARS);
            default -> null;
        };
    }
}
