package dev.paydeck.payments;

import java.util.Map;

/**
 * Whether a PaymentIntent snapshot (from an event) may replace the local status, so that an older event never moves
 * a payment backwards. A PaymentIntent moves forward through requires_payment_method, requires_confirmation,
 * requires_action, processing, requires_capture to succeeded or canceled (terminal) — except that a failed attempt
 * sends it back to requires_payment_method. So: terminal stays; an event older than the newest one applied is
 * skipped; a snapshot at or past the local status applies; one that looks backwards may be a real failure or a stale
 * event, and only Stripe's current object can tell: re-read it.
 */
final class PaymentIntentOrder {

    enum Decision { APPLY, SKIP, RE_READ }

    private static final Map<String, Integer> RANK = Map.of(
            "requires_payment_method", 0, "requires_confirmation", 1, "requires_action", 2, "processing", 3,
            "requires_capture", 4, "succeeded", 5, "canceled", 5);

    private PaymentIntentOrder() {
    }

    static boolean terminal(String status) {
        return "succeeded".equals(status) || "canceled".equals(status);
    }

    /**
     * @param current             the local status ({@code pending}/{@code unknown} before Stripe answered)
     * @param currentEventCreated {@code created} of the newest event applied, null if none yet
     * @param incoming            the status in the event's snapshot
     * @param eventCreated        the event's {@code created}
     */
    static Decision decide(String current, Long currentEventCreated, String incoming, long eventCreated) {
        if (terminal(current)) {
            return Decision.SKIP;
        }
        if (currentEventCreated != null && eventCreated < currentEventCreated) {
            return Decision.SKIP;
        }
        return rank(incoming) >= rank(current) ? Decision.APPLY : Decision.RE_READ;
    }

    private static int rank(String status) {
        return RANK.getOrDefault(status, -1);
    }
}
