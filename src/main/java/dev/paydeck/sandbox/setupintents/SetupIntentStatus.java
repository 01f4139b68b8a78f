package dev.paydeck.sandbox.setupintents;

import java.util.Locale;

/** A SetupIntent's {@code status}, with Stripe's names. */
enum SetupIntentStatus {
    REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING, SUCCEEDED, CANCELED;

    String stripeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SetupIntentStatus of(String stripeName) {
        return valueOf(stripeName.toUpperCase(Locale.ROOT));
    }
}
