package dev.paydeck.webhooks;

import java.time.OffsetDateTime;

/**
 * How an organization's webhooks are doing: when its newest event arrived (null: none yet), how many events failed
 * for good (to replay), and how many wait to be processed.
 */
public record WebhookHealth(OffsetDateTime lastReceived, long failed, long waiting) {
}
