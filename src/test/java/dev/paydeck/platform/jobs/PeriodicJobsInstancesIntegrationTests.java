package dev.paydeck.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.paydeck.support.IntegrationTest;
import dev.paydeck.support.SecondInstance;
import dev.paydeck.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Paydeck instances on one database, every job due every 2 seconds: each job runs once per due time across
 * both, never once per instance, and the jobs do their work (keys checked again, a customer made in Stripe behind
 * Paydeck's back brought in by resync). A third instance in sandbox-only mode on the same database runs none.
 * The instances have a database of their own (the suite's instance keeps its hours-long intervals); the API helpers
 * of {@link IntegrationTest} talk to the first of them.
 */
class PeriodicJobsInstancesIntegrationTests extends IntegrationTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final List<String> JOBS = List.of("organizations.credential-checks", "mirror.janitor",
            "webhooks.resync", "test.recording");

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static ConfigurableApplicationContext sandboxOnly;

    @BeforeAll
    static void startInstances() {
        String database = TestDatabase.newDatabase();
        first = start(database);
        second = start(database);
        sandboxOnly = start(database, "--paydeck.sandbox-only=true");
    }

    @AfterAll
    static void stopInstances() {
        for (var instance : new ConfigurableApplicationContext[] {sandboxOnly, second, first}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    @BeforeEach
    void talkToTheFirstInstance() {
        port = Integer.parseInt(first.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void eachJobRunsOncePerDueTimeAcrossInstancesAndDoesItsWork() throws Exception {
        // A Stripe account (the sandbox, as real Stripe) with a customer Paydeck never heard of: no webhook
        // endpoint exists yet to tell it, so only a resync can bring it in.
        var account = json(send(request("/sandbox/accounts?name=jobs").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())));
        String secretKey = account.get("secret_key").asString();
        var customer = send(request("/sandbox/v1/customers").header("Authorization", "Bearer " + secretKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=made-in-stripe%40example.com")));
        assertThat(customer.statusCode()).isEqualTo(200);
        String customerId = json(customer).get("id").asString();

        Person owner = signUp("Owner");
        var organization = createOrganization(owner, "Jobs", "{\"publishable_key\":\""
                + account.get("publishable_key").asString() + "\",\"secret_key\":\"" + secretKey + "\"}");
        String id = organization.get("id").asString();
        OffsetDateTime checkedOnSave = OffsetDateTime.parse(organization.at("/stripe/checked_at").asString());
        String key = apiKey(owner, id, "admin");

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(call("GET", "/api/v1/customers?limit=100", key, null).body()).as("resynced")
                    .contains(customerId);
            var checked = json(call("GET", "/api/v1/organizations/" + id, owner.token(), null));
            assertThat(OffsetDateTime.parse(checked.at("/stripe/checked_at").asString())).as("checked again")
                    .isAfter(checkedOnSave);
            assertThat(checked.at("/stripe/check_status").asString()).isEqualTo("valid");
        });

        // Runs in a window, both instances up: one schedule (a run, then 2 s from its end to the next) allows at
        // most window / interval + 1 of them; each instance on its own schedule would make about twice as many.
        Map<String, Long> before = runs();
        List<Instant> recordedBefore = recordedRuns();
        Duration window = Duration.ofSeconds(12);
        Thread.sleep(window.toMillis());
        Map<String, Long> after = runs();
        long allowed = window.dividedBy(INTERVAL) + 1;
        for (String job : JOBS) {
            assertThat(after.get(job) - before.get(job)).as("runs of " + job + " in " + window)
                    .isBetween(2L, allowed);
        }

        // Precisely: merged, the test job's runs on both instances are never closer than the interval.
        List<Instant> recorded = recordedRuns();
        assertThat(recorded.size()).isGreaterThan(recordedBefore.size() + 1);
        for (int i = 1; i < recorded.size(); i++) {
            assertThat(Duration.between(recorded.get(i - 1), recorded.get(i))).as("gap before run " + i)
                    .isGreaterThanOrEqualTo(INTERVAL);
        }

        assertThat(sandboxOnly.getBean(Scheduler.class).getSchedulerState().isStarted()).isFalse();
        assertThat(sandboxOnly.getBean(RecordingTestJob.class).runs).isEmpty();
        assertThat(jobTimers(sandboxOnly)).isEmpty();
    }

    /** Runs of each job on the two instances together, from the {@code paydeck.jobs} metric. */
    private static Map<String, Long> runs() {
        Map<String, Long> runs = new java.util.HashMap<>();
        JOBS.forEach(job -> runs.put(job, 0L));
        Stream.concat(jobTimers(first).stream(), jobTimers(second).stream()).forEach(timer ->
                runs.merge(timer.getId().getTag("job"), timer.count(), Long::sum));
        return runs;
    }

    private static java.util.Collection<Timer> jobTimers(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).find("paydeck.jobs").timers();
    }

    private static List<Instant> recordedRuns() {
        List<Instant> runs = new ArrayList<>(first.getBean(RecordingTestJob.class).runs);
        runs.addAll(second.getBean(RecordingTestJob.class).runs);
        runs.sort(null);
        return runs;
    }

    private static ConfigurableApplicationContext start(String database, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--paydeck.database.url=" + database,
                "--paydeck.database.user=" + TestDatabase.user(),
                "--paydeck.data-directory=target/test-data",
                "--paydeck.demo.enabled=false",
                "--paydeck.sandbox.rate-limit=0",
                "--paydeck.stripe.api-base=http://127.0.0.1:${local.server.port}/sandbox",
                "--paydeck.organizations.credential-check-interval=" + INTERVAL.toSeconds() + "s",
                "--paydeck.webhooks.reconcile-interval=" + INTERVAL.toSeconds() + "s",
                "--paydeck.webhooks.resync-schedule=" + INTERVAL.toSeconds() + "s",
                "--paydeck.test.recording-job-interval=" + INTERVAL.toSeconds() + "s",
                "--db-scheduler.polling-interval=100ms"));
        args.addAll(List.of(more));
        return SecondInstance.start(args.toArray(String[]::new));
    }
}
