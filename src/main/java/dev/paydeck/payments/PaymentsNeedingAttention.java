package dev.paydeck.payments;

import java.util.List;

/**
 * The payments a person should look at: authorized and waiting for capture, failed lately, stuck (Stripe's answer
 * unknown, or waiting for the customer or a confirmation for too long), disputed; how many of each, and the newest.
 */
public record PaymentsNeedingAttention(long awaitingCapture, long failed, long stuck, long disputed,
                                       List<Item> newest) {

    /** Why a payment needs attention; {@link #code()} names it in message keys and links. */
    public enum Reason {
        AWAITING_CAPTURE, FAILED, STUCK, DISPUTED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public record Item(Payment payment, Reason reason) {
    }

    public long total() {
        return awaitingCapture + failed + stuck + disputed;
    }
}
