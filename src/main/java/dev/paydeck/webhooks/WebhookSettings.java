package dev.paydeck.webhooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How Paydeck receives and processes Stripe's events ({@code paydeck.webhooks.*}).
 *
 * @param enabled       accept events under /webhooks/stripe/{organization} and /webhooks/stripe (false: 404)
 * @param tolerance     how old a signature's timestamp may be; older ones are refused as replays (Stripe's
 *                      libraries default to 5 minutes)
 * @param pollInterval  how often each instance looks for due events (events it receives wake it at once)
 * @param retryDelays   the wait after each failed processing; after the last one the event is {@code FAILED}
 * @param maxConcurrent how many events one instance processes at the same time (in transactions of up to 8, each on a
 *                      virtual thread)
 * @param lease         how long a claimed event stays this instance's; past it another instance takes it over (the
 *                      fallback for an instance alive but stuck: a dead one's events are taken over sooner, below)
 * @param storeQueue    how many verified events may wait to be stored; past that the endpoint answers 503 (Stripe
 *                      retries) instead of letting answers slow down without bound
 * @param storeTimeout  how long a request waits for its event to be stored before it answers 503
 * @param defaultOrganization the organization whose events arrive at /webhooks/stripe, without an organization id
 *                      (single-organization set-ups); null: the only organization, if there is exactly one
 * @param heartbeatInterval how often each instance refreshes its heartbeat and looks for dead instances' events
 * @param heartbeatTimeout  how old an instance's heartbeat may be before the events it holds are taken over; at least
 *                      twice the interval, so that one late beat does not pass for a death
 */
@ConfigurationProperties("paydeck.webhooks")
record WebhookSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("5m") Duration tolerance,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue({"5s", "30s", "2m", "10m", "1h"}) List<Duration> retryDelays,
        @DefaultValue("32") int maxConcurrent,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("2000") int storeQueue,
        @DefaultValue("10s") Duration storeTimeout,
        UUID defaultOrganization,
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration heartbeatTimeout) {

    WebhookSettings {
        if (heartbeatTimeout.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("paydeck.webhooks.heartbeat-timeout (" + heartbeatTimeout
                    + ") must be at least twice paydeck.webhooks.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }

    /** The wait before the next attempt after {@code attemptsMade} failed ones; empty: give up. */
    Optional<Duration> retryAfter(int attemptsMade) {
        return attemptsMade < 1 || attemptsMade > retryDelays.size() ? Optional.empty()
                : Optional.of(retryDelays.get(attemptsMade - 1));
    }
}
