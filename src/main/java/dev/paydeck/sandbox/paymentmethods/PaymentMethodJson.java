package dev.paydeck.sandbox.paymentmethods;

import dev.paydeck.sandbox.api.StripeError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A card PaymentMethod as Stripe renders it, and the checks Stripe makes on raw card details (Luhn, expiry, CVC)
 * with its {@code card_error} codes. Only brand, last4, expiry, funding, country and a fingerprint are kept: the
 * number and CVC are read once and dropped.
 */
final class PaymentMethodJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PaymentMethodJson() {
    }

    /** Validates raw card details and renders the {@code card} hash plus the internal {@code _test_card}. */
    static ObjectNode card(ObjectNode paymentMethod, String accountId, Map<String, Object> card) {
        if (card == null) {
            throw StripeError.parameterMissing("card");
        }
        String number = card.get("number") instanceof String text ? text.replaceAll("[\\s-]", "") : null;
        if (number == null) {
            throw StripeError.parameterMissing("card[number]");
        }
        if (!TestCards.luhn(number)) {
            throw cardError("incorrect_number", "Your card number is incorrect.", "card[number]");
        }
        Long month = (Long) card.get("exp_month");
        Long year = (Long) card.get("exp_year");
        if (month == null) {
            throw StripeError.parameterMissing("card[exp_month]");
        }
        if (year == null) {
            throw StripeError.parameterMissing("card[exp_year]");
        }
        if (year < 100) {
            year += 2000;
        }
        if (month < 1 || month > 12) {
            throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "card[exp_month]");
        }
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        if (year < now.getYear() || year > now.getYear() + 50) {
            throw cardError("invalid_expiry_year", "Your card's expiration year is invalid.", "card[exp_year]");
        }
        if (YearMonth.of(year.intValue(), month.intValue()).isBefore(now)) {
            throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "card[exp_month]");
        }
        String cvc = card.get("cvc") instanceof String text ? text : null;
        if (cvc != null && !cvc.matches("\\d{3,4}")) {
            throw cardError("invalid_cvc", "Your card's security code is invalid.", "card[cvc]");
        }
        TestCards.Card behaviour = TestCards.forNumber(number);
        ObjectNode node = paymentMethod.putObject("card");
        node.put("brand", behaviour.brand());
        ObjectNode checks = node.putObject("checks");
        checks.putNull("address_line1_check");
        checks.putNull("address_postal_code_check");
        if (cvc != null) {
            checks.put("cvc_check", "unchecked");
        } else {
            checks.putNull("cvc_check");
        }
        node.put("country", behaviour.country());
        node.put("display_brand", behaviour.brand());
        node.put("exp_month", month);
        node.put("exp_year", year);
        node.put("fingerprint", fingerprint(accountId, number));
        node.put("funding", behaviour.funding());
        node.putNull("generated_from");
        node.put("last4", number.substring(number.length() - 4));
        ObjectNode networks = node.putObject("networks");
        networks.putArray("available").add(behaviour.brand());
        networks.putNull("preferred");
        node.put("regulated_status", "unregulated");
        node.putObject("three_d_secure_usage").put("supported", true);
        node.putNull("wallet");
        paymentMethod.put("_test_card", behaviour.key());
        return paymentMethod;
    }

    static ObjectNode create(ObjectNode paymentMethod) {
        paymentMethod.put("allow_redisplay", "unspecified");
        ObjectNode billing = paymentMethod.putObject("billing_details");
        ObjectNode address = billing.putObject("address");
        for (String field : new String[] {"city", "country", "line1", "line2", "postal_code", "state"}) {
            address.putNull(field);
        }
        billing.putNull("email");
        billing.putNull("name");
        billing.putNull("phone");
        billing.putNull("tax_id");
        paymentMethod.putNull("customer");
        paymentMethod.put("livemode", false);
        paymentMethod.putObject("metadata");
        paymentMethod.put("type", "card");
        return paymentMethod;
    }

    /** Merges given billing details into the stored ones (an empty value clears a field). */
    @SuppressWarnings("unchecked")
    static void billingDetails(ObjectNode paymentMethod, Object given) {
        if (!(given instanceof Map<?, ?> map)) {
            return;
        }
        ObjectNode billing = (ObjectNode) paymentMethod.get("billing_details");
        ((Map<String, Object>) map).forEach((key, value) -> {
            if (!billing.has(key)) {
                throw StripeError.parameterUnknown("billing_details[" + key + "]");
            }
            if ("address".equals(key) && value instanceof Map<?, ?> address) {
                ObjectNode stored = (ObjectNode) billing.get("address");
                ((Map<String, Object>) address).forEach((field, text) -> {
                    if (!stored.has(field)) {
                        throw StripeError.parameterUnknown("billing_details[address][" + field + "]");
                    }
                    stored.set(field, text == null || "".equals(text) ? stored.nullNode() : JSON.valueToTree(text));
                });
            } else if (value == null || "".equals(value)) {
                billing.putNull(key);
            } else if (value instanceof String text) {
                billing.put(key, text);
            } else {
                throw StripeError.invalid("billing_details[" + key + "]",
                        "Invalid billing_details[" + key + "]: expected a string.");
            }
        });
    }

    static boolean changed(JsonNode before, JsonNode after) {
        return !before.equals(after);
    }

    private static StripeError cardError(String code, String message, String param) {
        return StripeError.builder(402).type("card_error").code(code).param(param).message(message).build();
    }

    /** The same number gives the same fingerprint within an account, as Stripe's fingerprints do. */
    private static String fingerprint(String accountId, String number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(accountId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(number.getBytes(StandardCharsets.UTF_8));
            String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                text.append(alphabet.charAt((digest[i] & 0xff) % alphabet.length()));
            }
            return text.toString();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
