package dev.paydeck.sandbox.disputes;

import java.util.Locale;

/**
 * A dispute's {@code status}, with Stripe's names: the {@code warning_} ones are an inquiry's (no funds withdrawn),
 * the others a chargeback's.
 */
enum DisputeStatus {
    WARNING_NEEDS_RESPONSE, WARNING_UNDER_REVIEW, WARNING_CLOSED, NEEDS_RESPONSE, UNDER_REVIEW, WON, LOST;

    String stripeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DisputeStatus of(String stripeName) {
        return valueOf(stripeName.toUpperCase(Locale.ROOT));
    }

    boolean closed() {
        return this == WARNING_CLOSED || this == WON || this == LOST;
    }
}
