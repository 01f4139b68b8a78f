package dev.paydeck.sandbox.charges;

import dev.paydeck.sandbox.paymentmethods.CardChecks;
import dev.paydeck.sandbox.paymentmethods.PaymentMethods;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A Charge as Stripe renders it: what a card payment attempt (successful or declined) left behind. */
final class ChargeJson {

    private ChargeJson() {
    }

    /**
     * What a charge is for, from a PaymentIntent or from a direct charge request: the amount and currency, and the
     * fields the charge copies ({@code customer}, {@code description}, {@code metadata}... as JSON, null when unset).
     */
    record Terms(long amount, String currency, JsonNode customer, JsonNode description, JsonNode metadata,
                 JsonNode receiptEmail, JsonNode shipping, JsonNode statementDescriptor,
                 JsonNode statementDescriptorSuffix, String paymentIntent) {

        static Terms of(ObjectNode intent) {
            return new Terms(intent.get("amount").asLong(), intent.get("currency").asString(), intent.get("customer"),
                    intent.get("description"), intent.get("metadata"), intent.get("receipt_email"),
                    intent.path("shipping").isMissingNode() ? null : intent.get("shipping"),
                    intent.get("statement_descriptor"), intent.get("statement_descriptor_suffix"),
                    intent.get("id").asString());
        }
    }

    /**
     * The charge of one attempt to pay the terms with a payment method (a PaymentMethod, or anything with its
     * {@code id}, {@code billing_details} and {@code card}): succeeded, or failed with the decline.
     */
    static ObjectNode create(ObjectNode charge, Terms terms, ObjectNode paymentMethod,
            TestCards.Decline decline, boolean capture, boolean authenticated) {
        long amount = terms.amount();
        boolean succeeded = decline == null;
        charge.put("amount", amount);
        charge.put("amount_captured", succeeded && capture ? amount : 0);
        charge.put("amount_refunded", 0);
        charge.putNull("application");
        charge.putNull("application_fee");
        charge.putNull("application_fee_amount");
        // Set when the charge is captured and its funds enter the balance.
        charge.putNull("balance_transaction");
        charge.set("billing_details", paymentMethod.get("billing_details").deepCopy());
        charge.put("calculated_statement_descriptor", descriptor(terms));
        charge.put("captured", succeeded && capture);
        charge.put("currency", terms.currency());
        charge.set("customer", copy(charge, terms.customer()));
        charge.set("description", copy(charge, terms.description()));
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
        charge.set("metadata", terms.metadata() == null ? charge.objectNode() : terms.metadata().deepCopy());
        charge.putNull("on_behalf_of");
        charge.set("outcome", outcome(charge, decline, PaymentMethods.behaviour(paymentMethod)));
        charge.put("paid", succeeded);
        if (terms.paymentIntent() != null) {
            charge.put("payment_intent", terms.paymentIntent());
        } else {
            charge.putNull("payment_intent");
        }
        charge.put("payment_method", paymentMethod.get("id").asString());
        charge.set("payment_method_details", details(charge, paymentMethod, authenticated, succeeded));
        charge.putObject("radar_options");
        charge.set("receipt_email", copy(charge, terms.receiptEmail()));
        charge.putNull("receipt_number");
        charge.putNull("receipt_url");
        charge.put("refunded", false);
        ObjectNode refunds = charge.putObject("refunds");
        refunds.put("object", "list");
        refunds.putArray("data");
        refunds.put("has_more", false);
        refunds.put("url", "/v1/charges/" + charge.get("id").asString() + "/refunds");
        charge.putNull("review");
        charge.set("shipping", copy(charge, terms.shipping()));
        charge.putNull("source_transfer");
        charge.set("statement_descriptor", copy(charge, terms.statementDescriptor()));
        charge.set("statement_descriptor_suffix", copy(charge, terms.statementDescriptorSuffix()));
        charge.put("status", succeeded ? "succeeded" : "failed");
        charge.put("_test_card", PaymentMethods.behaviour(paymentMethod).key());
        charge.putNull("transfer_data");
        charge.putNull("transfer_group");
        return charge;
    }

    private static JsonNode copy(ObjectNode charge, JsonNode value) {
        return value == null ? charge.nullNode() : value.deepCopy();
    }

    private static String descriptor(Terms terms) {
        JsonNode full = terms.statementDescriptor();
        if (full != null && !full.isNull()) {
            return full.asString();
        }
        String prefix = "SANDBOX";
        JsonNode suffix = terms.statementDescriptorSuffix();
        return suffix != null && !suffix.isNull() ? prefix + "* " + suffix.asString() : prefix;
    }

    /**
     * The charge's {@code outcome}: authorized, declined by the issuer, or blocked by Radar (the highest risk, which
     * is never sent to the card network); the risk level the test card asks for.
     */
    private static ObjectNode outcome(ObjectNode charge, TestCards.Decline decline, TestCards.Card card) {
        ObjectNode outcome = charge.objectNode();
        outcome.putNull("advice_code");
        outcome.putNull("network_advice_code");
        outcome.putNull("network_decline_code");
        boolean highest = card.has(TestCards.Effect.RISK_HIGHEST);
        boolean elevated = card.has(TestCards.Effect.RISK_ELEVATED);
        if (decline != null && highest) {
            outcome.put("network_status", "not_sent_to_network");
            outcome.put("reason", "highest_risk_level");
            outcome.put("risk_level", "highest");
            outcome.put("risk_score", 85);
            outcome.put("seller_message", "Stripe blocked this payment as too risky.");
            outcome.put("type", "blocked");
            return outcome;
        }
        String riskLevel = highest ? "highest" : elevated ? "elevated" : "normal";
        int riskScore = highest ? 85 : elevated ? 67 : 32;
        if (decline == null) {
            outcome.put("network_status", "approved_by_network");
            outcome.putNull("reason");
            outcome.put("risk_level", riskLevel);
            outcome.put("risk_score", riskScore);
            outcome.put("seller_message", "Payment complete.");
            outcome.put("type", "authorized");
        } else {
            outcome.put("network_status", "declined_by_network");
            outcome.put("reason", decline.declineCode());
            outcome.put("risk_level", riskLevel);
            outcome.put("risk_score", riskScore);
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
        card.set("checks", CardChecks.ofPayment(paymentMethod, succeeded));
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
