package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.StripeError;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.ACTIVE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.CANCELED;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.INCOMPLETE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.INCOMPLETE_EXPIRED;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.PAST_DUE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.PAUSED;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.TRIALING;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.UNPAID;

/**
 * The subscription state machine as a table (Stripe's "How subscriptions work" guide, subscription statuses): which
 * status may follow which, and from which statuses each API operation is allowed.
 *
 * <pre>
 * (create) → trialing | active | incomplete
 * incomplete ─(first invoice paid)→ active          ─(23 hours unpaid)→ incomplete_expired
 * trialing ─(trial ends, paid)→ active  ─(payment fails)→ past_due  ─(no payment method: pause)→ paused
 * active ─(renewal payment fails)→ past_due ─(retry succeeds)→ active
 *                                           └─(retries exhausted)→ canceled (or unpaid)
 * paused ─(resume)→ active | past_due;  any but incomplete_expired ─(cancel)→ canceled
 * </pre>
 */
final class SubscriptionTransitions {

    private static final Map<SubscriptionStatus, Set<SubscriptionStatus>> NEXT =
            new EnumMap<>(SubscriptionStatus.class);

    static {
        NEXT.put(INCOMPLETE, EnumSet.of(ACTIVE, TRIALING, INCOMPLETE_EXPIRED, CANCELED));
        NEXT.put(TRIALING, EnumSet.of(ACTIVE, PAST_DUE, PAUSED, CANCELED));
        NEXT.put(ACTIVE, EnumSet.of(PAST_DUE, TRIALING, CANCELED));
        NEXT.put(PAST_DUE, EnumSet.of(ACTIVE, UNPAID, CANCELED));
        NEXT.put(UNPAID, EnumSet.of(ACTIVE, CANCELED));
        NEXT.put(PAUSED, EnumSet.of(ACTIVE, PAST_DUE, CANCELED));
        NEXT.put(CANCELED, EnumSet.noneOf(SubscriptionStatus.class));
        NEXT.put(INCOMPLETE_EXPIRED, EnumSet.noneOf(SubscriptionStatus.class));
    }

    /** An API operation on a subscription and the statuses it is allowed from. */
    enum Operation {
        UPDATE(EnumSet.of(INCOMPLETE, TRIALING, ACTIVE, PAST_DUE, UNPAID, PAUSED)),
        CANCEL(EnumSet.of(INCOMPLETE, TRIALING, ACTIVE, PAST_DUE, UNPAID, PAUSED)),
        RESUME(EnumSet.of(PAUSED));

        private final Set<SubscriptionStatus> allowedFrom;

        Operation(Set<SubscriptionStatus> allowedFrom) {
            this.allowedFrom = allowedFrom;
        }

        boolean allowedFrom(SubscriptionStatus status) {
            return allowedFrom.contains(status);
        }
    }

    private SubscriptionTransitions() {
    }

    static boolean allowed(SubscriptionStatus from, SubscriptionStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The next status, checked against the table (a refusal here is a sandbox bug, not a client error). */
    static SubscriptionStatus move(SubscriptionStatus from, SubscriptionStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("A subscription cannot go from " + from + " to " + to);
        }
        return to;
    }

    /** Refuses the operation in this status with Stripe's message. */
    static void check(Operation operation, SubscriptionStatus status, String id) {
        if (!operation.allowedFrom(status)) {
            throw StripeError.invalid(null, message(operation, status, id));
        }
    }

    static String message(Operation operation, SubscriptionStatus status, String id) {
        return switch (operation) {
            case UPDATE -> status == CANCELED ? "A canceled subscription can only update its cancellation_details "
                    + "and metadata." : "This subscription is " + status.stripeName() + ": it can no longer change.";
            case CANCEL -> "This subscription is already " + status.stripeName() + ": it cannot be canceled again.";
            case RESUME -> "Only paused subscriptions can be resumed. This subscription is " + status.stripeName()
                    + ".";
        };
    }
}
