package dev.paydeck.sandbox.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the sandbox delivers events to webhook endpoints ({@code paydeck.sandbox.webhooks.*}).
 *
 * @param timeout       how long one attempt may take (connect + response) before it counts as failed
 * @param pollInterval  how often each instance's worker looks for due deliveries (new events wake it at once)
 * @param retryDelays   the wait after each failed attempt; after the last one the delivery is {@code failed}.
 *                      The default follows Stripe's live mode: retries with exponential backoff for about 3 days
 * @param maxConcurrent how many deliveries one instance sends at the same time
 */
@ConfigurationProperties("paydeck.sandbox.webhooks")
record WebhookSettings(
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue({"1m", "5m", "30m", "2h", "5h", "10h", "24h", "24h"}) List<Duration> retryDelays,
        @DefaultValue("32") int maxConcurrent) {

    RetrySchedule retrySchedule() {
        return new RetrySchedule(retryDelays);
    }
}
