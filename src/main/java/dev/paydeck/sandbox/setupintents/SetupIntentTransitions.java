package dev.paydeck.sandbox.setupintents;

import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import tools.jackson.databind.node.ObjectNode;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.CANCELED;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.PROCESSING;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_ACTION;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_CONFIRMATION;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.SUCCEEDED;

/**
 * A SetupIntent's lifecycle as Stripe documents it: {@code requires_payment_method → requires_confirmation →
 * requires_action → processing → succeeded}, back to {@code requires_payment_method} when the setup fails, and
 * {@code canceled} from any status before {@code processing}. Which API operations each status allows.
 */
final class SetupIntentTransitions {

    private static final Map<SetupIntentStatus, Set<SetupIntentStatus>> NEXT = new EnumMap<>(SetupIntentStatus.class);

    static {
        NEXT.put(REQUIRES_PAYMENT_METHOD, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION,
                REQUIRES_ACTION, PROCESSING, CANCELED));
        NEXT.put(REQUIRES_CONFIRMATION, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION,
                REQUIRES_ACTION, PROCESSING, CANCELED));
        NEXT.put(REQUIRES_ACTION, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION,
                PROCESSING, CANCELED));
        NEXT.put(PROCESSING, EnumSet.of(REQUIRES_PAYMENT_METHOD, SUCCEEDED));
        NEXT.put(SUCCEEDED, EnumSet.noneOf(SetupIntentStatus.class));
        NEXT.put(CANCELED, EnumSet.noneOf(SetupIntentStatus.class));
    }

    /** An API operation and the statuses Stripe allows it from. */
    enum Operation {
        CONFIRM("confirm", "confirmed", List.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION)),
        CANCEL("cancel", "canceled", List.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION)),
        UPDATE("update", "updated", List.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION));

        private final String verb;
        private final String participle;
        private final List<SetupIntentStatus> allowedFrom;

        Operation(String verb, String participle, List<SetupIntentStatus> allowedFrom) {
            this.verb = verb;
            this.participle = participle;
            this.allowedFrom = allowedFrom;
        }

        boolean allowedFrom(SetupIntentStatus status) {
            return allowedFrom.contains(status);
        }
    }

    private SetupIntentTransitions() {
    }

    static boolean allowed(SetupIntentStatus from, SetupIntentStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The next status, checked against the table (a refusal here is a sandbox bug, not a client error). */
    static SetupIntentStatus move(SetupIntentStatus from, SetupIntentStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("SetupIntent cannot go from " + from + " to " + to);
        }
        return to;
    }

    /** Refuses the operation in this status as Stripe does ({@code setup_intent_unexpected_state}). */
    static void check(Operation operation, SetupIntentStatus status) {
        if (!operation.allowedFrom(status)) {
            throw StripeError.builder(400).code("setup_intent_unexpected_state").message(message(operation, status))
                    .build();
        }
    }

    /** {@link #check(Operation, SetupIntentStatus)}, with the intent on the error as Stripe puts it there. */
    static void check(Operation operation, ObjectNode intent) {
        SetupIntentStatus status = SetupIntentJson.status(intent);
        if (!operation.allowedFrom(status)) {
            throw unexpectedState(message(operation, status), intent);
        }
    }

    /** Stripe's {@code setup_intent_unexpected_state} error, which carries the SetupIntent. */
    static StripeError unexpectedState(String message, ObjectNode intent) {
        return StripeError.builder(400).code("setup_intent_unexpected_state").message(message)
                .with("setup_intent", StripeObjects.rendered(intent)).build();
    }

    /**
     * Stripe's wordings for a SetupIntent in the wrong status, as recorded from Stripe's API (its own wordings for a
     * succeeded or canceled intent, and a list of the allowed statuses in backticks otherwise).
     */
    static String message(Operation operation, SetupIntentStatus status) {
        if (operation == Operation.CONFIRM && status == SUCCEEDED) {
            return "You cannot confirm this SetupIntent because it has already succeeded.";
        }
        if (operation == Operation.CONFIRM && status == CANCELED) {
            return "You cannot confirm this SetupIntent because it has been canceled.";
        }
        if (operation == Operation.CANCEL && status == CANCELED) {
            return "You cannot cancel this SetupIntent because it is already canceled.";
        }
        List<String> allowed = operation.allowedFrom.stream().map(allowedStatus -> "`" + allowedStatus.stripeName()
                + "`").toList();
        String listed = allowed.size() == 1 ? allowed.getFirst()
                : String.join(", ", allowed.subList(0, allowed.size() - 1)) + ", or " + allowed.getLast();
        return "You cannot " + operation.verb + " this SetupIntent because it has a status of "
                + status.stripeName() + ". Only a SetupIntent with one of the following statuses may be "
                + operation.participle + ": " + listed + ".";
    }
}
