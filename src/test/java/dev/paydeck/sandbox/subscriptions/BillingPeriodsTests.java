package dev.paydeck.sandbox.subscriptions;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BillingPeriodsTests {

    private static long at(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }

    @Test
    void monthlyPeriodsFromAnAnchorOnThe31stEndOnTheLastDayOfShorterMonths() {
        BillingPeriods periods = new BillingPeriods(at("2026-01-31T10:00:00Z"), "month", 1);

        assertThat(periods.endAfter(at("2026-01-31T10:00:00Z"))).isEqualTo(at("2026-02-28T10:00:00Z"));
        assertThat(periods.endAfter(at("2026-02-28T10:00:00Z"))).isEqualTo(at("2026-03-31T10:00:00Z"));
        assertThat(periods.endAfter(at("2026-04-01T00:00:00Z"))).isEqualTo(at("2026-04-30T10:00:00Z"));
    }

    @Test
    void periodsOfSeveralIntervalsAndBeforeTheAnchor() {
        BillingPeriods quarterly = new BillingPeriods(at("2026-01-15T00:00:00Z"), "month", 3);
        assertThat(quarterly.endAfter(at("2026-02-01T00:00:00Z"))).isEqualTo(at("2026-04-15T00:00:00Z"));
        assertThat(quarterly.startBefore(at("2026-04-15T00:00:00Z"))).isEqualTo(at("2026-01-15T00:00:00Z"));
        assertThat(quarterly.startBefore(at("2026-01-15T00:00:00Z"))).as("the whole period before the anchor")
                .isEqualTo(at("2025-10-15T00:00:00Z"));
        assertThat(quarterly.endAfter(at("2025-12-01T00:00:00Z"))).isEqualTo(at("2026-01-15T00:00:00Z"));
        BillingPeriods weekly = new BillingPeriods(at("2026-01-01T00:00:00Z"), "week", 2);
        assertThat(weekly.endAfter(at("2026-01-01T00:00:00Z"))).isEqualTo(at("2026-01-15T00:00:00Z"));
        BillingPeriods yearly = new BillingPeriods(at("2024-02-29T00:00:00Z"), "year", 1);
        assertThat(yearly.endAfter(at("2024-02-29T00:00:00Z"))).isEqualTo(at("2025-02-28T00:00:00Z"));
    }
}
