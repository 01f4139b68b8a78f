package dev.paydeck.sandbox.charges;

import dev.paydeck.sandbox.api.StripeError;
import tools.jackson.databind.node.ObjectNode;

/**
 * When a charge may be captured ({@code POST /v1/charges/{id}/capture}), as a table: only an authorized charge
 * (succeeded, not captured, not released) of the legacy flow. A PaymentIntent's charge is captured through its
 * PaymentIntent, which keeps the amounts.
 */
final class ChargeCapture {

    /** Where a charge stands, as far as capturing goes. */
    enum State {
        AUTHORIZED, CAPTURED, RELEASED, FAILED, OF_PAYMENT_INTENT
    }

    private ChargeCapture() {
    }

    static State state(ObjectNode charge) {
        if (!charge.path("payment_intent").isNull()) {
            return State.OF_PAYMENT_INTENT;
        }
        if ("failed".equals(charge.get("status").asString())) {
            return State.FAILED;
        }
        if (charge.get("captured").asBoolean()) {
            return State.CAPTURED;
        }
        return charge.get("refunded").asBoolean() ? State.RELEASED : State.AUTHORIZED;
    }

    /** Nothing for an authorized charge; Stripe's error otherwise. */
    static void check(ObjectNode charge) {
        String id = charge.get("id").asString();
        switch (state(charge)) {
            case AUTHORIZED -> {
            }
            case CAPTURED -> throw StripeError.builder(400).code("charge_already_captured")
                    .message("Charge " + id + " has already been captured.").build();
            case RELEASED -> throw StripeError.builder(400).code("charge_already_refunded")
                    .message("Charge " + id + " has already been refunded.").build();
            case FAILED -> throw StripeError.invalid(null, "Charge " + id
                    + " cannot be captured because it failed.");
            case OF_PAYMENT_INTENT -> throw StripeError.invalid(null, "Charge " + id
                    + " belongs to PaymentIntent " + charge.get("payment_intent").asString()
                    + ": capture it with POST /v1/payment_intents/" + charge.get("payment_intent").asString()
                    + "/capture.");
        }
    }
}
