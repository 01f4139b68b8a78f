package dev.paydeck.sandbox.paymentintents;

import java.util.Locale;

/** A PaymentIntent's {@code status}, with Stripe's names. */
enum PaymentIntentStatus {
    REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING, REQUIRES_CAPTURE, SUCCEEDED,
    CANCELED;

    String stripeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PaymentIntentStatus of(String stripeName) {
        return valueOf(stripeName.toUpperCase(Locale.ROOT));
    }
}
