package dev.paydeck.payments;

import dev.paydeck.shared.mirror.StripeCodes;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The groups of payments a person filters by (the payments page's chips), each defined by payment statuses and, for
 * some, what else is known of the payment: its refunds, its last error, a dispute. {@link #ATTENTION} gathers what
 * someone should look at: authorizations waiting for capture, failed attempts, payments Stripe did not confirm, and
 * disputes.
 */
public enum PaymentStatusGroup {
    SUCCEEDED(EnumSet.of(PaymentStatus.SUCCEEDED)),
    /** Succeeded, with some or all of the money given back. */
    REFUNDED(EnumSet.of(PaymentStatus.SUCCEEDED)),
    /** Authorized, waiting for capture. */
    UNCAPTURED(EnumSet.of(PaymentStatus.REQUIRES_CAPTURE)),
    /** The last attempt to pay was declined or failed (requires_payment_method with an error). */
    FAILED(EnumSet.of(PaymentStatus.REQUIRES_PAYMENT_METHOD)),
    /** Waiting for the customer (to pay, confirm or authenticate) or for the bank, with no failure yet. */
    INCOMPLETE(EnumSet.of(PaymentStatus.REQUIRES_PAYMENT_METHOD, PaymentStatus.REQUIRES_CONFIRMATION,
            PaymentStatus.REQUIRES_ACTION, PaymentStatus.PROCESSING)),
    CANCELED(EnumSet.of(PaymentStatus.CANCELED)),
    /** Not confirmed by Stripe: never sent, or sent without an answer (the janitor resolves them). */
    UNRESOLVED(EnumSet.of(PaymentStatus.PENDING, PaymentStatus.UNKNOWN)),
    /** A dispute was opened on the payment. */
    DISPUTED(EnumSet.allOf(PaymentStatus.class)),
    /** Awaiting capture, failed, unconfirmed by Stripe, or disputed. */
    ATTENTION(EnumSet.of(PaymentStatus.REQUIRES_CAPTURE, PaymentStatus.REQUIRES_PAYMENT_METHOD,
            PaymentStatus.PENDING, PaymentStatus.UNKNOWN));

    private final Set<PaymentStatus> statuses;

    PaymentStatusGroup(Set<PaymentStatus> statuses) {
        this.statuses = statuses;
    }

    /** The statuses a payment of the group may have (the group may ask more of it). */
    public Set<PaymentStatus> statuses() {
        return statuses;
    }

    /** The group's word in addresses and messages: {@code succeeded}, {@code attention}… */
    public String code() {
        return StripeCodes.code(this);
    }

    public static Optional<PaymentStatusGroup> parse(String code) {
        return StripeCodes.parse(PaymentStatusGroup.class, code);
    }

    /**
     * The one group a payment's status chip shows: the most telling of those it belongs to (refunded rather than
     * succeeded, failed rather than incomplete); disputes are not known from the payment alone.
     */
    public static PaymentStatusGroup of(Payment payment) {
        return switch (payment.status()) {
            case SUCCEEDED -> payment.amountRefunded().isPositive() ? REFUNDED : SUCCEEDED;
            case REQUIRES_CAPTURE -> UNCAPTURED;
            case REQUIRES_PAYMENT_METHOD -> payment.lastError() != null ? FAILED : INCOMPLETE;
            case REQUIRES_CONFIRMATION, REQUIRES_ACTION, PROCESSING -> INCOMPLETE;
            case CANCELED -> CANCELED;
            case PENDING, UNKNOWN -> UNRESOLVED;
        };
    }
}
