package dev.paydeck.sandbox.tokens;

import dev.paydeck.sandbox.paymentmethods.PaymentMethods;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A card as the legacy APIs render it (the {@code card} of a token, a customer's card source): Stripe's
 * {@code card} object, with brand names as Stripe writes them there ({@code Visa}, {@code American Express}). It
 * keeps the card as a PaymentMethod would describe it ({@code _details}) and its test behaviour
 * ({@code _test_card}), for the payments made with it.
 */
final class CardJson {

    private static final Map<String, String> BRANDS = Map.of("visa", "Visa", "mastercard", "MasterCard",
            "amex", "American Express", "discover", "Discover", "jcb", "JCB", "diners", "Diners Club",
            "unionpay", "UnionPay");
    private static final String[] ADDRESS = {"address_city", "address_country", "address_line1", "address_line2",
            "address_state", "address_zip"};

    private CardJson() {
    }

    /**
     * The card from its description ({@code card} and {@code _test_card}, as a PaymentMethod has them) and the
     * holder's name and address given with the number.
     */
    static ObjectNode create(ObjectNode card, ObjectNode described, Map<String, Object> given) {
        JsonNode details = described.get("card");
        for (String field : ADDRESS) {
            text(card, field, given.get(field));
            if (field.equals("address_line1")) {
                card.putNull("address_line1_check");
            }
            if (field.equals("address_zip")) {
                card.putNull("address_zip_check");
            }
        }
        card.put("allow_redisplay", "unspecified");
        card.put("brand", BRANDS.getOrDefault(details.get("brand").asString(), "Unknown"));
        card.set("country", details.get("country").deepCopy());
        card.putNull("customer");
        card.set("cvc_check", details.get("checks").get("cvc_check").deepCopy());
        card.putNull("dynamic_last4");
        card.set("exp_month", details.get("exp_month").deepCopy());
        card.set("exp_year", details.get("exp_year").deepCopy());
        card.set("fingerprint", details.get("fingerprint").deepCopy());
        card.set("funding", details.get("funding").deepCopy());
        card.set("last4", details.get("last4").deepCopy());
        card.putObject("metadata");
        text(card, "name", given.get("name"));
        card.putObject("networks").putNull("preferred");
        card.set("regulated_status", details.get("regulated_status").deepCopy());
        card.putNull("tokenization_method");
        card.putNull("wallet");
        card.set("_details", details.deepCopy());
        card.set("_test_card", described.get("_test_card").deepCopy());
        return card;
    }

    /** The card as a PaymentMethod would describe it: {@code card} and {@code _test_card}. */
    static ObjectNode described(ObjectNode card) {
        ObjectNode described = card.objectNode();
        described.set("card", card.get("_details").deepCopy());
        described.set("_test_card", card.get("_test_card").deepCopy());
        if (card.path(PaymentMethods.TEST_TOKEN).asBoolean(false)) {
            described.put(PaymentMethods.TEST_TOKEN, true);
        }
        return described;
    }

    private static void text(ObjectNode node, String field, Object value) {
        if (value instanceof String text) {
            node.put(field, text);
        } else {
            node.putNull(field);
        }
    }
}
