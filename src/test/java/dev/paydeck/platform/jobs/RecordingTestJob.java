package dev.paydeck.platform.jobs;

import dev.paydeck.shared.PeriodicJob;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A periodic job only the tests have, declared as any module declares one, that notes when it ran on this instance.
 * Only in instances started with {@code paydeck.test.recording-job-interval}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("paydeck.test.recording-job-interval")
public class RecordingTestJob {

    final List<Instant> runs = new CopyOnWriteArrayList<>();

    @Bean
    PeriodicJob recordingJob(@Value("${paydeck.test.recording-job-interval}") String interval) {
        return new PeriodicJob("test.recording", interval, runs::add);
    }
}
