package dev.paydeck.webhooks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer meters of inbound webhooks (at /actuator/prometheus): events received by outcome (stored,
 * duplicate, rejected with why), processed by outcome and type, how long listeners take, the lag from an event's
 * creation in Stripe to its processing, and the backlog still waiting.
 */
@Component
class WebhookMetrics {

    private final MeterRegistry registry;
    /** Counters of received requests by outcome, built once: every request counts in one. */
    private final Map<String, Counter> received = new ConcurrentHashMap<>();

    WebhookMetrics(MeterRegistry registry, WebhookEvents events) {
        this.registry = registry;
        Gauge.builder("paydeck.webhooks.backlog", events, WebhookEvents::backlog)
                .description("Stripe events stored and not yet processed, across instances").register(registry);
    }

    void received(String outcome) {
        received.computeIfAbsent(outcome, key -> Counter.builder("paydeck.webhooks.received").tag("outcome", key)
                .description("Stripe webhook requests by outcome").register(registry)).increment();
    }

    void rejected(String reason) {
        Counter.builder("paydeck.webhooks.rejected").tag("reason", reason)
                .description("Stripe webhook requests refused (400), by reason").register(registry).increment();
        received("rejected");
    }

    void processed(String type, String outcome, Duration took) {
        Counter.builder("paydeck.webhooks.processed").tag("type", type).tag("outcome", outcome)
                .description("Processing attempts of stored Stripe events, by outcome").register(registry)
                .increment();
        Timer.builder("paydeck.webhooks.processing").tag("outcome", outcome)
                .description("Time the listeners took for one event").register(registry).record(took);
    }

    /** This instance's figures since it started, for the webhook page (Prometheus has them all, per instance). */
    Snapshot snapshot() {
        return new Snapshot(count("paydeck.webhooks.received", "outcome", "stored"),
                count("paydeck.webhooks.received", "outcome", "duplicate"),
                count("paydeck.webhooks.received", "outcome", "rejected"),
                count("paydeck.webhooks.processed", "outcome", "processed"),
                count("paydeck.webhooks.processed", "outcome", "failed"),
                meanMillis("paydeck.webhooks.processing"), meanMillis("paydeck.webhooks.lag"),
                maxMillis("paydeck.webhooks.lag"));
    }

    /** Counts and times of one instance. */
    record Snapshot(long stored, long duplicates, long rejected, long processed, long failedAttempts,
                    double processingMeanMillis, double lagMeanMillis, double lagMaxMillis) {
    }

    private long count(String name, String tag, String value) {
        return (long) registry.find(name).tag(tag, value).counters().stream().mapToDouble(Counter::count).sum();
    }

    private double meanMillis(String name) {
        return registry.find(name).timers().stream().mapToDouble(timer -> timer.mean(TimeUnit.MILLISECONDS))
                .max().orElse(0);
    }

    private double maxMillis(String name) {
        return registry.find(name).timers().stream().mapToDouble(timer -> timer.max(TimeUnit.MILLISECONDS))
                .max().orElse(0);
    }

    void lag(Duration sinceReceived) {
        Timer.builder("paydeck.webhooks.lag")
                .description("From the creation of a Stripe event (its created) to its processing").register(registry)
                .record(sinceReceived);
    }
}
