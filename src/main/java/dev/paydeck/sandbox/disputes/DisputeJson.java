package dev.paydeck.sandbox.disputes;

import dev.paydeck.sandbox.paymentmethods.TestCards;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/** A Dispute as Stripe renders it: a cardholder's chargeback or inquiry on a charge, and the business's evidence. */
final class DisputeJson {

    /** The evidence fields Stripe takes and renders (those that name an uploaded file take the file's id). */
    static final List<String> EVIDENCE_FIELDS = List.of("access_activity_log", "billing_address",
            "cancellation_policy", "cancellation_policy_disclosure", "cancellation_rebuttal", "customer_communication",
            "customer_email_address", "customer_name", "customer_purchase_ip", "customer_signature",
            "duplicate_charge_documentation", "duplicate_charge_explanation", "duplicate_charge_id",
            "product_description", "receipt", "refund_policy", "refund_policy_disclosure",
            "refund_refusal_explanation", "service_date", "service_documentation", "shipping_address",
            "shipping_carrier", "shipping_date", "shipping_documentation", "shipping_tracking_number",
            "uncategorized_file", "uncategorized_text");

    /** How long the business has to respond. */
    private static final long RESPONSE_WINDOW = 7 * 86_400L;

    /** Visa's reason codes for the disputes the test cards open. */
    private static final Map<String, String> VISA_REASON_CODES = Map.of(
            "fraudulent", "10.4",
            "product_not_received", "13.1");

    private DisputeJson() {
    }

    static ObjectNode create(ObjectNode dispute, ObjectNode charge, TestCards.Dispute kind) {
        dispute.put("amount", charge.get("amount_captured").asLong());
        dispute.putArray("balance_transactions");
        dispute.put("charge", charge.get("id").asString());
        dispute.put("currency", charge.get("currency").asString());
        dispute.putArray("enhanced_eligibility_types");
        ObjectNode evidence = dispute.putObject("evidence");
        EVIDENCE_FIELDS.forEach(evidence::putNull);
        evidence.putObject("enhanced_evidence");
        ObjectNode details = dispute.putObject("evidence_details");
        details.put("due_by", dispute.get("created").asLong() + RESPONSE_WINDOW);
        details.putObject("enhanced_eligibility");
        details.put("has_evidence", false);
        details.put("past_due", false);
        details.put("submission_count", 0);
        dispute.put("is_charge_refundable", kind.inquiry());
        dispute.put("livemode", false);
        dispute.putObject("metadata");
        String reasonCode = VISA_REASON_CODES.get(kind.reason());
        if (reasonCode == null) {
            dispute.putNull("network_reason_code");
        } else {
            dispute.put("network_reason_code", reasonCode);
        }
        dispute.set("payment_intent", charge.get("payment_intent").deepCopy());
        ObjectNode methodDetails = dispute.putObject("payment_method_details");
        ObjectNode card = methodDetails.putObject("card");
        JsonNode chargeCard = charge.path("payment_method_details").path("card");
        card.put("brand", chargeCard.path("brand").asString("visa"));
        card.put("case_type", kind.inquiry() ? "inquiry" : "chargeback");
        card.set("network_reason_code", dispute.get("network_reason_code").deepCopy());
        methodDetails.put("type", "card");
        dispute.put("reason", kind.reason());
        status(dispute, kind.inquiry() ? DisputeStatus.WARNING_NEEDS_RESPONSE : DisputeStatus.NEEDS_RESPONSE);
        return dispute;
    }

    static DisputeStatus status(ObjectNode dispute) {
        return DisputeStatus.of(dispute.get("status").asString());
    }

    static void status(ObjectNode dispute, DisputeStatus status) {
        dispute.put("status", status.stripeName());
    }

    /** Merges given evidence in (a field given empty is cleared), and notes that there is evidence. */
    static void applyEvidence(ObjectNode dispute, Map<String, Object> given) {
        ObjectNode evidence = (ObjectNode) dispute.get("evidence");
        given.forEach((field, value) -> {
            if (value == null || "".equals(value)) {
                evidence.putNull(field);
            } else {
                evidence.put(field, (String) value);
            }
        });
        boolean any = EVIDENCE_FIELDS.stream().anyMatch(field -> !evidence.path(field).isNull()
                && !evidence.path(field).isMissingNode());
        ((ObjectNode) dispute.get("evidence_details")).put("has_evidence", any);
    }

    static void countSubmission(ObjectNode dispute) {
        ObjectNode details = (ObjectNode) dispute.get("evidence_details");
        details.put("submission_count", details.get("submission_count").asLong() + 1);
    }
}
