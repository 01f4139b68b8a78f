package dev.paydeck.sandbox.subscriptions;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProrationsTests {

    private static final long START = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
    private static final long END = Instant.parse("2026-01-31T00:00:00Z").getEpochSecond();
    private static final long HALFWAY = Instant.parse("2026-01-16T00:00:00Z").getEpochSecond();

    @Test
    void stripesExampleAnUpgradeFromTenToTwentyDollarsHalfwayCostsFiveMore() {
        // docs.stripe.com/billing/subscriptions/prorations: -5 USD unused time, +10 USD remaining time.
        long credit = -Prorations.remaining(1000, START, END, HALFWAY);
        long charge = Prorations.remaining(2000, START, END, HALFWAY);

        assertThat(credit).isEqualTo(-500);
        assertThat(charge).isEqualTo(1000);
        assertThat(credit + charge).isEqualTo(500);
    }

    @Test
    void theShareIsTheTimeLeftOverTheWholePeriodRoundedToTheMinorUnit() {
        long oneThird = START + (END - START) / 3;
        assertThat(Prorations.remaining(1000, START, END, oneThird)).as("two thirds of $10.00").isEqualTo(667);
        assertThat(Prorations.remaining(1000, START, END, START)).isEqualTo(1000);
        assertThat(Prorations.remaining(1000, START, END, END)).isZero();
        assertThat(Prorations.remaining(1000, START, END, END + 100)).as("after the period: nothing").isZero();
        assertThat(Prorations.remaining(1000, START, START, START)).isZero();
    }
}
