package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/**
 * Something that happened to a subscription, delivered to other modules after commit: done through Paydeck (created,
 * changed, canceled, resumed; {@code actor} is the person or key) or seen from Stripe ({@code actor} {@code stripe}).
 */
public sealed interface SubscriptionEvent permits SubscriptionCreated, SubscriptionUpdated, SubscriptionRenewed,
        SubscriptionPastDue, SubscriptionCanceled, SubscriptionTrialEnding {

    OrganizationId organization();

    SubscriptionId subscription();

    String actor();

    /** When it happened, by the business clock. */
    Instant occurredAt();
}
