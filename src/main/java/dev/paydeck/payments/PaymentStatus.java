package dev.paydeck.payments;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.paydeck.shared.mirror.StateOrder;
import dev.paydeck.shared.mirror.StripeCodes;

import java.util.Optional;

/**
 * A payment's status: Stripe's PaymentIntent status, or {@code pending} (not yet sent to Stripe) or {@code unknown}
 * (Stripe did not answer; resolved later by asking it). {@link #ORDER} is the table of how a PaymentIntent moves
 * forward; a failed attempt that sends it back to {@code requires_payment_method} is real only when Stripe's current
 * object says so.
 */
public enum PaymentStatus {
    PENDING, UNKNOWN, REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING, REQUIRES_CAPTURE,
    SUCCEEDED, CANCELED;

    static final StateOrder<PaymentStatus> ORDER = StateOrder.of(PaymentStatus.class)
            .from(PENDING, UNKNOWN, REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING,
                    REQUIRES_CAPTURE, SUCCEEDED, CANCELED)
            .from(UNKNOWN, REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING,
                    REQUIRES_CAPTURE, SUCCEEDED, CANCELED)
            .from(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING, REQUIRES_CAPTURE,
                    SUCCEEDED, CANCELED)
            .from(REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING, REQUIRES_CAPTURE, SUCCEEDED, CANCELED)
            .from(REQUIRES_ACTION, PROCESSING, REQUIRES_CAPTURE, SUCCEEDED, CANCELED)
            .from(PROCESSING, REQUIRES_CAPTURE, SUCCEEDED, CANCELED)
            .from(REQUIRES_CAPTURE, SUCCEEDED, CANCELED)
            .build();

    /** Stripe's word, as the API and the table show it. */
    @JsonValue
    public String code() {
        return StripeCodes.code(this);
    }

    public static Optional<PaymentStatus> parse(String code) {
        return StripeCodes.parse(PaymentStatus.class, code);
    }

    static PaymentStatus of(String code) {
        return StripeCodes.of(PaymentStatus.class, code);
    }

    /** Succeeded or canceled: the payment never changes status again. */
    public boolean isFinal() {
        return ORDER.isFinal(this);
    }

    /** Not known to Stripe's answer yet: never sent, or sent without an answer. */
    public boolean isUnresolved() {
        return this == PENDING || this == UNKNOWN;
    }

    /** Authorized and waiting for capture. */
    public boolean isCapturable() {
        return this == REQUIRES_CAPTURE;
    }

    public boolean isRefundable() {
        return this == SUCCEEDED;
    }
}
