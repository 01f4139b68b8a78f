package dev.paydeck.sandbox.charges;

import dev.paydeck.sandbox.paymentmethods.TestCards;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A Charge as Stripe renders it: what a card payment attempt (successful or declined) left behind. */
final class ChargeJson {

    private ChargeJson() {
    }

    static ObjectNode create(ObjectNode charge, ObjectNode intent, ObjectNode paymentMethod,
            TestCards.Decline decline, boolean capture, boolean authenticated) {
        long amount = intent.get("amount").asLong();
        boolean succeeded = decline == null;
        charge.put("amount", amount);
        charge.put("amount_captured", succeeded && capture ? amount : 0);
        charge.put("amount_refunded", 0);
        charge.putNull("application");
        charge.putNull("application_fee");
        charge.putNull("application_fee_amount");
        if (succeeded) {
            charge.put("balance_transaction", "txn_" + charge.get("id").asString().substring(3));
        } else {
            charge.putNull("balance_transaction");
        }
        charge.set("billing_details", paymentMethod.get("billing_details").deepCopy());
        charge.put("calculated_statement_descriptor", descriptor(intent));
        charge.put("captured", succeeded && capture);
        charge.put("currency", intent.get("currency").asString());
        charge.set("customer", intent.get("customer").deepCopy());
        charge.set("description", intent.get("description").deepCopy());
        charge.put("disputed", false);
        charge.putNull("failure_balance_transaction");
        if (succeeded) {
            charge.putNull("failure_code");
            charge.putNull("failure_message");
        } else {
            charge.put("failure_code", decline.code());
            charge.put("failure_message", decline.message());
        }
        charge.putObject("fraud_details");
        charge.put("livemode", false);
        charge.set("metadata", intent.get("metadata").deepCopy());
        charge.putNull("on_behalf_of");
        charge.set("outcome", outcome(charge, decline));
        charge.put("paid", succeeded);
        charge.put("payment_intent", intent.get("id").asString());
        charge.put("payment_method", paymentMethod.get("id").asString());
        charge.set("payment_method_details", details(charge, paymentMethod, authenticated, succeeded));
        charge.putObject("radar_options");
        charge.set("receipt_email", intent.get("receipt_email").deepCopy());
        charge.putNull("receipt_number");
        charge.putNull("receipt_url");
        charge.put("refunded", false);
        ObjectNode refunds = charge.putObject("refunds");
        refunds.put("object", "list");
        refunds.putArray("data");
        refunds.put("has_more", false);
        refunds.put("url", "/v1/charges/" + charge.get("id").asString() + "/refunds");
        charge.putNull("review");
        charge.set("shipping", intent.path("shipping").isMissingNode() ? charge.nullNode()
                : intent.get("shipping").deepCopy());
        charge.putNull("source_transfer");
        charge.set("statement_descriptor", intent.get("statement_descriptor").deepCopy());
        charge.set("statement_descriptor_suffix", intent.get("statement_descriptor_suffix").deepCopy());
        charge.put("status", succeeded ? "succeeded" : "failed");
        charge.putNull("transfer_data");
        charge.putNull("transfer_group");
        return charge;
    }

    private static String descriptor(ObjectNode intent) {
        JsonNode full = intent.get("statement_descriptor");
        if (full != null && !full.isNull()) {
            return full.asString();
        }
        String prefix = "SANDBOX";
        JsonNode suffix = intent.get("statement_descriptor_suffix");
        return suffix != null && !suffix.isNull() ? prefix + "* " + suffix.asString() : prefix;
    }

    private static ObjectNode outcome(ObjectNode charge, TestCards.Decline decline) {
        ObjectNode outcome = charge.objectNode();
        outcome.putNull("advice_code");
        if (decline == null) {
            outcome.putNull("network_advice_code");
            outcome.putNull("network_decline_code");
            outcome.put("network_status", "approved_by_network");
            outcome.putNull("reason");
            outcome.put("risk_level", "normal");
            outcome.put("risk_score", 32);
            outcome.put("seller_message", "Payment complete.");
            outcome.put("type", "authorized");
        } else {
            outcome.putNull("network_advice_code");
            outcome.putNull("network_decline_code");
            outcome.put("network_status", "declined_by_network");
            outcome.put("reason", decline.declineCode());
            outcome.put("risk_level", "normal");
            outcome.put("risk_score", 32);
            outcome.put("seller_message", "generic_decline".equals(decline.declineCode())
                    ? "The bank did not return any further details with this decline."
                    : "The bank returned the decline code `" + decline.declineCode() + "`.");
            outcome.put("type", "issuer_declined");
        }
        return outcome;
    }

    private static ObjectNode details(ObjectNode charge, ObjectNode paymentMethod, boolean authenticated,
            boolean succeeded) {
        ObjectNode details = charge.objectNode();
        ObjectNode card = details.putObject("card");
        JsonNode source = paymentMethod.get("card");
        card.putNull("amount_authorized");
        card.set("brand", source.get("brand").deepCopy());
        ObjectNode checks = card.putObject("checks");
        checks.putNull("address_line1_check");
        checks.putNull("address_postal_code_check");
        if (source.path("checks").path("cvc_check").isNull()) {
            checks.putNull("cvc_check");
        } else {
            checks.put("cvc_check", succeeded ? "pass" : "unavailable");
        }
        card.set("country", source.get("country").deepCopy());
        card.set("exp_month", source.get("exp_month").deepCopy());
        card.set("exp_year", source.get("exp_year").deepCopy());
        card.set("fingerprint", source.get("fingerprint").deepCopy());
        card.set("funding", source.get("funding").deepCopy());
        card.putNull("installments");
        card.set("last4", source.get("last4").deepCopy());
        card.putNull("mandate");
        card.set("network", source.get("brand").deepCopy());
        card.putNull("network_token");
        if (authenticated) {
            ObjectNode threeDSecure = card.putObject("three_d_secure");
            threeDSecure.put("authentication_flow", "challenge");
            threeDSecure.put("result", "authenticated");
            threeDSecure.putNull("result_reason");
            threeDSecure.put("version", "2.2.0");
        } else {
            card.putNull("three_d_secure");
        }
        card.putNull("wallet");
        details.put("type", "card");
        return details;
    }
}
