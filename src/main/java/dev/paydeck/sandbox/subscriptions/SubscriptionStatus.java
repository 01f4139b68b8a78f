package dev.paydeck.sandbox.subscriptions;

import java.util.Locale;

/** A subscription's {@code status}, with Stripe's names. */
enum SubscriptionStatus {
    TRIALING, ACTIVE, INCOMPLETE, INCOMPLETE_EXPIRED, PAST_DUE, UNPAID, CANCELED, PAUSED;

    String stripeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SubscriptionStatus of(String stripeName) {
        return valueOf(stripeName.toUpperCase(Locale.ROOT));
    }

    /** Canceled or expired: nothing more happens to it. */
    boolean ended() {
        return this == CANCELED || this == INCOMPLETE_EXPIRED;
    }
}
