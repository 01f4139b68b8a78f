package dev.paydeck.sandbox.disputes;

import dev.paydeck.sandbox.api.StripeError;

import java.util.EnumMap;
import java.util.Map;

import static dev.paydeck.sandbox.disputes.DisputeStatus.LOST;
import static dev.paydeck.sandbox.disputes.DisputeStatus.NEEDS_RESPONSE;
import static dev.paydeck.sandbox.disputes.DisputeStatus.UNDER_REVIEW;
import static dev.paydeck.sandbox.disputes.DisputeStatus.WARNING_CLOSED;
import static dev.paydeck.sandbox.disputes.DisputeStatus.WARNING_NEEDS_RESPONSE;
import static dev.paydeck.sandbox.disputes.DisputeStatus.WARNING_UNDER_REVIEW;
import static dev.paydeck.sandbox.disputes.DisputeStatus.WON;

/**
 * The dispute state machine as a table: for each status, the status each action leads to; an action missing from a
 * status's row is refused.
 *
 * <pre>
 * chargeback:  needs_response ─(submit)→ under_review ─(winning evidence)→ won      (funds reinstated)
 *                    │                         └─────(losing evidence)──→ lost
 *                    └─(close: accept)→ lost
 * inquiry:     warning_needs_response ─(submit)→ warning_under_review ─(winning or losing evidence)→ warning_closed
 *                    │                                   └─(escalating evidence)→ needs_response
 *                    └─(close: accept)→ warning_closed           (escalated to a chargeback: funds withdrawn)
 * Evidence may be staged (saved without submitting) while a response is needed.
 * </pre>
 */
final class DisputeTransitions {

    /** What is done to a dispute. */
    enum Action {
        /** Evidence saved without being submitted ({@code submit=false}). */
        STAGE,
        /** Evidence submitted to the card network. */
        SUBMIT,
        /** The issuer decided for the business (test mode: {@code winning_evidence}). */
        WIN,
        /**
         * The issuer decided for the cardholder (test mode: {@code losing_evidence}); an inquiry closes without
         * escalating.
         */
        LOSE,
        /** The issuer turned the inquiry into a chargeback (test mode: {@code escalate_inquiry_evidence}). */
        ESCALATE,
        /** The business accepted the dispute ({@code POST /v1/disputes/{id}/close}). */
        ACCEPT
    }

    private static final Map<DisputeStatus, Map<Action, DisputeStatus>> NEXT = new EnumMap<>(DisputeStatus.class);

    static {
        for (DisputeStatus status : DisputeStatus.values()) {
            NEXT.put(status, new EnumMap<>(Action.class));
        }
        NEXT.get(NEEDS_RESPONSE).put(Action.STAGE, NEEDS_RESPONSE);
        NEXT.get(NEEDS_RESPONSE).put(Action.SUBMIT, UNDER_REVIEW);
        NEXT.get(NEEDS_RESPONSE).put(Action.ACCEPT, LOST);
        NEXT.get(UNDER_REVIEW).put(Action.WIN, WON);
        NEXT.get(UNDER_REVIEW).put(Action.LOSE, LOST);
        NEXT.get(WARNING_NEEDS_RESPONSE).put(Action.STAGE, WARNING_NEEDS_RESPONSE);
        NEXT.get(WARNING_NEEDS_RESPONSE).put(Action.SUBMIT, WARNING_UNDER_REVIEW);
        NEXT.get(WARNING_NEEDS_RESPONSE).put(Action.ACCEPT, WARNING_CLOSED);
        NEXT.get(WARNING_UNDER_REVIEW).put(Action.WIN, WARNING_CLOSED);
        NEXT.get(WARNING_UNDER_REVIEW).put(Action.LOSE, WARNING_CLOSED);
        NEXT.get(WARNING_UNDER_REVIEW).put(Action.ESCALATE, NEEDS_RESPONSE);
    }

    private DisputeTransitions() {
    }

    static boolean allowed(DisputeStatus from, Action action) {
        return NEXT.get(from).containsKey(action);
    }

    /** The status the action leads to, or the refusal Stripe gives for a dispute in that status. */
    static DisputeStatus next(DisputeStatus from, Action action) {
        DisputeStatus next = NEXT.get(from).get(action);
        if (next == null) {
            throw StripeError.invalid(null, from.closed() ? "This dispute is already closed."
                    : "This dispute is already under review: its evidence can no longer be changed or accepted.");
        }
        return next;
    }

    /** Whether entering {@code to} from {@code from} takes the disputed funds out of the balance. */
    static boolean withdrawsFunds(DisputeStatus from, DisputeStatus to) {
        return to == NEEDS_RESPONSE && from != NEEDS_RESPONSE;
    }

    /** Whether entering {@code to} gives the disputed funds back. */
    static boolean reinstatesFunds(DisputeStatus to) {
        return to == WON;
    }
}
