package dev.paydeck.platform.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import dev.paydeck.shared.PeriodicJob;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a {@link PeriodicJob}'s schedule setting is read, and what one run records. */
class JobSchedulingTests {

    private static final Instant MIDNIGHT = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void aDurationIsTheWaitBetweenTheEndOfOneRunAndTheStartOfTheNext() {
        for (String value : List.of("6h", "PT6H", " 6h ")) {
            Schedule schedule = parse(value);
            assertThat(schedule).isEqualTo(FixedDelay.of(Duration.ofHours(6)));
            assertThat(schedule.getInitialExecutionTime(MIDNIGHT)).as("the first run at the first start")
                    .isEqualTo(MIDNIGHT);
            assertThat(schedule.getNextExecutionTime(ExecutionComplete.simulatedSuccess(MIDNIGHT)))
                    .isEqualTo(MIDNIGHT.plus(Duration.ofHours(6)));
        }
        assertThat(parse("90s")).isEqualTo(FixedDelay.of(Duration.ofSeconds(90)));
        assertThat(parse("500ms")).isEqualTo(FixedDelay.of(Duration.ofMillis(500)));
    }

    @Test
    void sixFieldsAreACronExpressionInTheGivenZone() {
        Schedule daily = JobSchedule.parse("webhooks.resync", "0 0 3 * * *", ZoneOffset.ofHours(1));
        assertThat(daily.isDisabled()).isFalse();
        assertThat(daily.getNextExecutionTime(ExecutionComplete.simulatedSuccess(MIDNIGHT)))
                .as("03:00 at UTC+1").isEqualTo(Instant.parse("2026-03-01T02:00:00Z"));
    }

    @Test
    void aDashOrNothingIsNever() {
        assertThat(parse("-").isDisabled()).isTrue();
        assertThat(parse("").isDisabled()).isTrue();
        assertThat(new PeriodicJob("webhooks.resync", null, now -> { }).schedule()).isEmpty();
        assertThat(parse("1m").isDisabled()).isFalse();
    }

    @Test
    void anythingElseStopsStartUpNamingTheJob() {
        for (String value : List.of("often", "0s", "-5m", "0 0 3 * *", "0 0 25 * * *")) {
            assertThatThrownBy(() -> parse(value)).as(value)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("payments.reconciliation").hasMessageContaining("'" + value + "'");
        }
    }

    @Test
    void jobsHaveDistinctWellFormedNames() {
        assertThatThrownBy(() -> new PeriodicJob("Payments Reconciliation", "1m", now -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobScheduling.recurringTasks(List.of(new PeriodicJob("a.job", "1m", now -> { }),
                new PeriodicJob("a.job", "2m", now -> { })), new SettableClock(), new SimpleMeterRegistry(),
                ZoneOffset.UTC)).isInstanceOf(IllegalStateException.class).hasMessageContaining("a.job");
    }

    @Test
    void aRunGetsTheTimeItStartedAndIsTimedByOutcome() {
        SettableClock clock = new SettableClock();
        clock.set(MIDNIGHT);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        List<Instant> runs = new ArrayList<>();
        ScheduledJob works = JobScheduling.recurringTasks(List.of(new PeriodicJob("test.works", "1m", runs::add)),
                clock, meters, ZoneOffset.UTC).getFirst();
        ScheduledJob fails = JobScheduling.recurringTasks(List.of(new PeriodicJob("test.fails", "1m", now -> {
            throw new IOException("secret sk_test_123 in a message");
        })), clock, meters, ZoneOffset.UTC).getFirst();

        works.executeRecurringly(null, null);
        assertThatThrownBy(() -> fails.executeRecurringly(null, null))
                .isInstanceOf(ScheduledJob.JobFailedException.class)
                .hasMessageContaining("test.fails").hasMessageContaining("IOException")
                .hasMessageNotContaining("sk_test_123");

        assertThat(runs).containsExactly(MIDNIGHT);
        assertThat(meters.timer("paydeck.jobs", "job", "test.works", "outcome", "success").count()).isEqualTo(1);
        assertThat(meters.timer("paydeck.jobs", "job", "test.fails", "outcome", "failure").count()).isEqualTo(1);
    }

    private static Schedule parse(String value) {
        return JobSchedule.parse("payments.reconciliation", new PeriodicJob("payments.reconciliation", value,
                now -> { }).schedule(), ZoneOffset.UTC);
    }
}
