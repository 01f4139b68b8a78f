package dev.paydeck.platform.jobs;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import org.springframework.boot.convert.DurationStyle;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Reads a {@link dev.paydeck.shared.PeriodicJob}'s schedule setting as db-scheduler's schedule: a duration is a
 * fixed delay, six fields are a cron expression, {@code -} or empty is never.
 */
final class JobSchedule {

    /** db-scheduler's "disabled" schedule: the job is registered, its planned run (if any) dropped. */
    private static final String NEVER = "-";

    private JobSchedule() {
    }

    static Schedule parse(String job, String value, ZoneId zone) {
        if (value.isEmpty() || value.equals(NEVER)) {
            return new CronSchedule(NEVER, zone);
        }
        try {
            if (value.contains(" ")) {
                return new CronSchedule(value, zone);
            }
            Duration delay = DurationStyle.detectAndParse(value);
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("not a positive duration");
            }
            return FixedDelay.of(delay);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The schedule of job " + job + ", '" + value + "', is neither a "
                    + "duration (90s, 5m, 6h, PT6H), a cron expression of six fields (0 0 3 * * *) nor - (never)", e);
        }
    }
}
