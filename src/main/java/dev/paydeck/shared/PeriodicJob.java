package dev.paydeck.shared;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A job that runs again and again on a schedule, <strong>once per due time across all Paydeck instances</strong>
 * (however many run on the database): declare it as a bean and the platform schedules it. A module needs nothing
 * else: no scheduler API, no lock, no table.
 *
 * <pre>{@code
 * @Bean
 * PeriodicJob janitor(MirrorJanitor janitor, @Value("${paydeck.customers.janitor-interval:5m}") String schedule) {
 *     return new PeriodicJob("customers.janitor", schedule, janitor::resolveUnknown);
 * }
 * }</pre>
 *
 * <ul>
 *   <li>The schedule is a setting's value, read as: a duration ({@code 90s}, {@code 5m}, {@code 6h},
 *       {@code PT6H}) = the wait between the end of one run and the start of the next, the first run coming at
 *       the first start; or a cron expression with six fields (second minute hour day month weekday, Spring's
 *       syntax, in the server's time zone: {@code 0 0 3 * * *} = daily at 03:00); or {@code -} or empty = never
 *       (the job is not run, and a run planned before is dropped). A value that is none of these stops start-up
 *       with a message naming the job.</li>
 *   <li>Due times live in the database ({@code scheduled_tasks}), so a restart neither skips nor repeats a run,
 *       and a new instance does not add runs. If the instance running a job dies, another takes the run over
 *       after a while (db-scheduler's heartbeats; about half an hour by default).</li>
 *   <li>A run that throws is logged (exception class only) and counted as failed; the next run comes at the next
 *       due time, with no retry in between. A job that must not miss work keeps its own bookkeeping in its
 *       tables (e.g. a {@code checked_at} column), so any run picks up what a failed one left.</li>
 *   <li>Runs of different jobs may overlap; runs of one job never do. Each run is timed in the
 *       {@code paydeck.jobs} metric (tags {@code job}, {@code outcome}).</li>
 *   <li>In sandbox-only mode ({@code paydeck.sandbox-only=true}) no job runs.</li>
 * </ul>
 *
 * @param name     stable and unique, in the form {@code <module>.<job>} (lower case, digits, {@code .} {@code -}),
 *                 e.g. {@code payments.reconciliation}; it names the job's row in the database, so renaming it
 *                 starts the job's schedule afresh
 * @param schedule when to run, as above
 * @param work     what a run does
 */
public record PeriodicJob(String name, String schedule, Work work) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

    public PeriodicJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A periodic job's name is like 'payments.reconciliation', not '"
                    + name + "'");
        }
        schedule = schedule == null ? "" : schedule.strip();
    }

    /** What one run of a job does. */
    @FunctionalInterface
    public interface Work {

        /** @param now when this run started (the same instant for the whole run: use it as the run's "now") */
        void run(Instant now) throws Exception;
    }
}
