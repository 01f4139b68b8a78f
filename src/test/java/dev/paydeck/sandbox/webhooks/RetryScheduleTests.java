package dev.paydeck.sandbox.webhooks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTests {

    /** The defaults, as Spring binds them when nothing is configured. */
    private final RetrySchedule stripeLike = settings(Map.of()).retrySchedule();

    private static WebhookSettings settings(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("paydeck.sandbox.webhooks", WebhookSettings.class);
    }

    @Test
    void defaultsAndConfiguredValues() {
        WebhookSettings defaults = settings(Map.of());
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.pollInterval()).isEqualTo(Duration.ofMillis(500));

        WebhookSettings configured = settings(Map.of("paydeck.sandbox.webhooks.retry-delays", "1s,2s,2s"));
        assertThat(configured.retrySchedule().delays())
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void eachFailedAttemptWaitsTheNextDelayThenGivesUp() {
        assertThat(stripeLike.delayAfter(1)).contains(Duration.ofMinutes(1));
        assertThat(stripeLike.delayAfter(2)).contains(Duration.ofMinutes(5));
        assertThat(stripeLike.delayAfter(8)).contains(Duration.ofHours(24));
        assertThat(stripeLike.delayAfter(9)).isEmpty();
        assertThat(stripeLike.maxAttempts()).isEqualTo(9);
    }

    @Test
    void theDefaultScheduleIsExponentialAndLastsAboutThreeDaysLikeStripes() {
        List<Duration> delays = stripeLike.delays();
        for (int i = 1; i < delays.size(); i++) {
            assertThat(delays.get(i)).isGreaterThanOrEqualTo(delays.get(i - 1));
        }
        Duration total = delays.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofDays(2), Duration.ofDays(3));
    }

    @Test
    void noDelaysMeansOneAttemptAndNegativeDelaysAreRefused() {
        assertThat(new RetrySchedule(List.of()).delayAfter(1)).isEmpty();
        assertThat(new RetrySchedule(List.of()).maxAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
