package dev.paydeck.platform.jobs;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import com.github.kagkarlsson.scheduler.boot.config.startup.ContextReadyStart;
import com.github.kagkarlsson.scheduler.boot.config.startup.ImmediateStart;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import dev.paydeck.shared.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one scheduler of periodic work: db-scheduler on Paydeck's PostgreSQL (table {@code scheduled_tasks}), with
 * every {@link PeriodicJob} bean as a recurring task, configured by the starter's {@code db-scheduler.*} settings.
 * The starter's own auto-configuration is excluded (application.yml): it is written for Spring Boot 3, and would
 * know nothing of the jobs. In sandbox-only mode the scheduler is not started: nothing of Paydeck runs, nor does
 * its housekeeping touch a database it might share with full instances.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DbSchedulerProperties.class)
class JobScheduling {

    private static final Logger log = LoggerFactory.getLogger(JobScheduling.class);

    @Bean(destroyMethod = "stop")
    @DependsOnDatabaseInitialization
    Scheduler scheduler(DbSchedulerProperties settings, DataSource dataSource, ObjectProvider<PeriodicJob> jobs,
            MeterRegistry meters) {
        Clock clock = new SystemClock();
        // Runs are timed by ScheduledJob (paydeck.jobs), so db-scheduler's own statistics are not kept.
        return DbSchedulerConfigurationSupport.buildScheduler(settings, new DbSchedulerCustomizer() { },
                StatsRegistry.NOOP, clock, dataSource,
                List.copyOf(recurringTasks(jobs.orderedStream().toList(), clock, meters, ZoneId.systemDefault())),
                List.of(), List.of());
    }

    @Bean
    DbSchedulerStarter schedulerStarter(Scheduler scheduler, DbSchedulerProperties settings,
            @Value("${paydeck.sandbox-only:false}") boolean sandboxOnly) {
        if (sandboxOnly) {
            log.info("Sandbox-only mode: Paydeck's periodic jobs do not run on this instance");
            return () -> { };
        }
        return settings.isDelayStartupUntilContextReady() ? new ContextReadyStart(scheduler)
                : new ImmediateStart(scheduler);
    }

    static List<ScheduledJob> recurringTasks(List<PeriodicJob> jobs, Clock clock, MeterRegistry meters,
            ZoneId zone) {
        Set<String> names = new HashSet<>();
        List<ScheduledJob> scheduled = new ArrayList<>();
        for (PeriodicJob job : jobs) {
            if (!names.add(job.name())) {
                throw new IllegalStateException("Two periodic jobs are named " + job.name());
            }
            scheduled.add(new ScheduledJob(job, JobSchedule.parse(job.name(), job.schedule(), zone), clock, meters));
        }
        return scheduled;
    }
}
