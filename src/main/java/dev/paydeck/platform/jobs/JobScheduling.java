package dev.paydeck.platform.jobs;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import com.github.kagkarlsson.scheduler.boot.config.startup.ContextReadyStart;
import com.github.kagkarlsson.scheduler.boot.config.startup.ImmediateStart;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.paydeck.shared.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
 * The one scheduler of periodic and retried work: db-scheduler on Paydeck's PostgreSQL (table
 * {@code scheduled_tasks}), with every {@link PeriodicJob} bean as a recurring task. db-scheduler's starter brings
 * its settings ({@code db-scheduler.*}); this replaces only its scheduler, to add the jobs, and its start, so that
 * in sandbox-only mode nothing of Paydeck runs (nor does the scheduler's housekeeping touch a database it might
 * share with full instances).
 */
@Configuration(proxyBeanMethods = false)
class JobScheduling {

    private static final Logger log = LoggerFactory.getLogger(JobScheduling.class);

    @Bean(destroyMethod = "stop")
    @DependsOnDatabaseInitialization
    Scheduler scheduler(DbSchedulerProperties settings, DbSchedulerCustomizer customizer, StatsRegistry stats,
            Clock clock, DataSource dataSource, ObjectProvider<PeriodicJob> jobs, ObjectProvider<Task<?>> tasks,
            ObjectProvider<SchedulerListener> listeners, ObjectProvider<ExecutionInterceptor> interceptors,
            MeterRegistry meters) {
        List<Task<?>> all = new ArrayList<>(tasks.orderedStream().toList());
        all.addAll(recurringTasks(jobs.orderedStream().toList(), clock, meters, ZoneId.systemDefault()));
        return DbSchedulerConfigurationSupport.buildScheduler(settings, customizer, stats, clock, dataSource, all,
                listeners.orderedStream().toList(), interceptors.orderedStream().toList());
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
