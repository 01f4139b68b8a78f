package dev.paydeck.sandbox.paymentmethods;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The checks a card payment reports ({@code payment_method_details.card.checks}): a check is made only when its
 * detail was given (a CVC, an address line 1, a postal code; a test token counts as giving what its card's checks
 * need), and then passes unless the test card makes it fail or be unavailable.
 */
public final class CardChecks {

    private CardChecks() {
    }

    /** The checks of a payment attempt with the PaymentMethod (or a card in its PaymentMethod form). */
    public static ObjectNode ofPayment(ObjectNode paymentMethod, boolean succeeded) {
        TestCards.Card card = PaymentMethods.behaviour(paymentMethod);
        boolean testToken = PaymentMethods.fromTestToken(paymentMethod);
        JsonNode address = paymentMethod.path("billing_details").path("address");
        boolean cvcGiven = paymentMethod.path("card").path("checks").path("cvc_check").isString()
                || (testToken && card.has(TestCards.Effect.CVC_CHECK_FAIL));
        boolean addressEffect = card.has(TestCards.Effect.ADDRESS_UNAVAILABLE);
        ObjectNode checks = paymentMethod.objectNode();
        put(checks, "address_line1_check", address.path("line1").isString()
                        || (testToken && (addressEffect || card.has(TestCards.Effect.LINE1_CHECK_FAIL))),
                addressResult(card, TestCards.Effect.LINE1_CHECK_FAIL));
        put(checks, "address_postal_code_check", address.path("postal_code").isString()
                        || (testToken && (addressEffect || card.has(TestCards.Effect.POSTAL_CODE_CHECK_FAIL))),
                addressResult(card, TestCards.Effect.POSTAL_CODE_CHECK_FAIL));
        put(checks, "cvc_check", cvcGiven,
                card.has(TestCards.Effect.CVC_CHECK_FAIL) ? "fail" : succeeded ? "pass" : "unavailable");
        return checks;
    }

    private static String addressResult(TestCards.Card card, TestCards.Effect failing) {
        if (card.has(TestCards.Effect.ADDRESS_UNAVAILABLE)) {
            return "unavailable";
        }
        return card.has(failing) ? "fail" : "pass";
    }

    private static void put(ObjectNode checks, String field, boolean made, String result) {
        if (made) {
            checks.put(field, result);
        } else {
            checks.putNull(field);
        }
    }
}
