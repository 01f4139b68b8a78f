package dev.paydeck.platform.jobs;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.paydeck.shared.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * A {@link PeriodicJob} as db-scheduler's recurring task: one row in {@code scheduled_tasks}, which the instance that
 * runs it locks, so the job runs once per due time whatever the number of instances.
 */
final class ScheduledJob extends RecurringTask<Void> {

    private static final Logger log = LoggerFactory.getLogger(ScheduledJob.class);

    private final PeriodicJob job;
    private final Clock clock;
    private final MeterRegistry meters;

    ScheduledJob(PeriodicJob job, Schedule schedule, Clock clock, MeterRegistry meters) {
        super(job.name(), schedule, Void.class);
        this.job = job;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void executeRecurringly(TaskInstance<Void> instance, ExecutionContext context) {
        Instant now = clock.now();
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failure";
        try {
            job.work().run(now);
            outcome = "success";
            log.debug("Job {} ran", job.name());
        } catch (Exception e) {
            // The class only: a message may quote what the job read (a Stripe answer, a row).
            log.warn("Job {} failed: {}; it runs again at its next due time", job.name(), e.getClass().getName());
            // Thrown again so that db-scheduler counts the failure (scheduled_tasks.consecutive_failures).
            throw new JobFailedException(job.name(), e);
        } finally {
            sample.stop(meters.timer("paydeck.jobs", "job", job.name(), "outcome", outcome));
        }
    }

    /** A run that threw; carries no message of the cause (see above). */
    static final class JobFailedException extends RuntimeException {
        JobFailedException(String job, Exception cause) {
            super("Job " + job + " failed: " + cause.getClass().getName(), null, false, false);
        }
    }
}
