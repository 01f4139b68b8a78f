package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import tools.jackson.databind.node.ObjectNode;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.CANCELED;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.PROCESSING;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_ACTION;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_CAPTURE;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_CONFIRMATION;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.SUCCEEDED;

/**
 * The PaymentIntent state machine as a table: which status may follow which, and from which statuses each API
 * operation is allowed, refused otherwise with Stripe's {@code payment_intent_unexpected_state} wording.
 *
 * <pre>
 * requires_payment_method ─(payment method)→ requires_confirmation ─(confirm)→ requires_action (3-D Secure)
 *        ↑  decline / failed authentication          │                              │ authenticated
 *        └───────────────────────────────────────────┴──────→ processing ←──────────┘
 *                                                                 ├→ succeeded          (capture_method automatic)
 *                                                                 └→ requires_capture ─(capture)→ succeeded
 * canceled: from every status but succeeded and canceled.
 * </pre>
 */
final class PaymentIntentTransitions {

    private static final Map<PaymentIntentStatus, Set<PaymentIntentStatus>> NEXT = new EnumMap<>(
            PaymentIntentStatus.class);

    static {
        NEXT.put(REQUIRES_PAYMENT_METHOD, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION,
                REQUIRES_ACTION, PROCESSING, CANCELED));
        NEXT.put(REQUIRES_CONFIRMATION, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION,
                REQUIRES_ACTION, PROCESSING, CANCELED));
        NEXT.put(REQUIRES_ACTION, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION,
                PROCESSING, CANCELED));
        NEXT.put(PROCESSING, EnumSet.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CAPTURE, SUCCEEDED, CANCELED));
        NEXT.put(REQUIRES_CAPTURE, EnumSet.of(SUCCEEDED, CANCELED));
        NEXT.put(SUCCEEDED, EnumSet.noneOf(PaymentIntentStatus.class));
        NEXT.put(CANCELED, EnumSet.noneOf(PaymentIntentStatus.class));
    }

    /** An API operation and the statuses Stripe allows it from. */
    enum Operation {
        CONFIRM("confirm", "confirmed", List.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION)),
        CAPTURE("capture", "captured", List.of(REQUIRES_CAPTURE)),
        CANCEL("cancel", "canceled", List.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CAPTURE, REQUIRES_CONFIRMATION,
                REQUIRES_ACTION, PROCESSING)),
        UPDATE("update", "updated", List.of(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION, REQUIRES_ACTION));

        private final String verb;
        private final String participle;
        private final List<PaymentIntentStatus> allowedFrom;

        Operation(String verb, String participle, List<PaymentIntentStatus> allowedFrom) {
            this.verb = verb;
            this.participle = participle;
            this.allowedFrom = allowedFrom;
        }

        boolean allowedFrom(PaymentIntentStatus status) {
            return allowedFrom.contains(status);
        }
    }

    private PaymentIntentTransitions() {
    }

    static boolean allowed(PaymentIntentStatus from, PaymentIntentStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The next status, checked against the table (a refusal here is a sandbox bug, not a client error). */
    static PaymentIntentStatus move(PaymentIntentStatus from, PaymentIntentStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("PaymentIntent cannot go from " + from + " to " + to);
        }
        return to;
    }

    /** Refuses the operation in this status as Stripe does ({@code payment_intent_unexpected_state}). */
    static void check(Operation operation, PaymentIntentStatus status) {
        if (!operation.allowedFrom(status)) {
            throw StripeError.builder(400).code("payment_intent_unexpected_state").message(message(operation, status))
                    .build();
        }
    }

    /**
     * Refuses the operation in the intent's status as Stripe does: {@code payment_intent_unexpected_state}, with the
     * PaymentIntent on the error.
     */
    static void check(Operation operation, ObjectNode intent, StripeCall call) {
        PaymentIntentStatus status = PaymentIntentJson.status(intent);
        if (!operation.allowedFrom(status)) {
            throw unexpectedState(message(operation, status), intent, call);
        }
    }

    /**
     * Stripe's {@code payment_intent_unexpected_state} error, which carries the PaymentIntent as the caller may see
     * it (a publishable key sees what it sees of a retrieved intent).
     */
    static StripeError unexpectedState(String message, ObjectNode intent, StripeCall call) {
        return StripeError.unexpectedState(message, call.publishableKey() ? IntentRules.forPublishableKey(intent)
                : StripeObjects.rendered(intent));
    }

    static String message(Operation operation, PaymentIntentStatus status) {
        if (operation == Operation.CONFIRM && status == SUCCEEDED) {
            return "You cannot confirm this PaymentIntent because it has already succeeded after being previously "
                    + "confirmed.";
        }
        if (operation == Operation.CAPTURE && status == SUCCEEDED) {
            return "This PaymentIntent could not be captured because it has already been captured.";
        }
        String allowed = operation.allowedFrom.stream().map(PaymentIntentStatus::stripeName)
                .collect(Collectors.joining(", "));
        if (operation == Operation.CAPTURE) {
            return "This PaymentIntent could not be captured because it has a status of " + status.stripeName()
                    + ". Only a PaymentIntent with one of the following statuses may be captured: " + allowed + ".";
        }
        if (operation == Operation.UPDATE) {
            return "This PaymentIntent could not be updated because it has a status of " + status.stripeName()
                    + ". You may only update a PaymentIntent with one of the following statuses: " + allowed + ".";
        }
        return "You cannot " + operation.verb + " this PaymentIntent because it has a status of "
                + status.stripeName() + ". Only a PaymentIntent with one of the following statuses may be "
                + operation.participle + ": " + allowed + ".";
    }
}
