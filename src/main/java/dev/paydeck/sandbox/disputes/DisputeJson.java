package dev.paydeck.sandbox.disputes;

import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
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

    /** What a Visa Compelling Evidence 3.0 dispute lacks before it qualifies, none of it given yet. */
    private static final List<String> CE3_REQUIRED_ACTIONS = List.of("missing_customer_identifiers",
            "missing_disputed_transaction_description", "missing_merchandise_or_services",
            "missing_prior_undisputed_transaction_description", "missing_prior_undisputed_transactions");

    /** Visa's reason codes for the disputes the test cards open. */
    private static final Map<String, String> VISA_REASON_CODES = Map.of(
            "fraudulent", "10.4",
            "product_not_received", "13.1");

    private DisputeJson() {
    }

    /** A new dispute of the kind on the charge, for the amount (all of it, or a share when it has several). */
    static ObjectNode create(ObjectNode dispute, ObjectNode charge, TestCards.Dispute kind, long amount) {
        dispute.put("amount", amount);
        dispute.putArray("balance_transactions");
        dispute.put("charge", charge.get("id").asString());
        dispute.put("currency", charge.get("currency").asString());
        ArrayNode eligibilityTypes = dispute.putArray("enhanced_eligibility_types");
        ObjectNode evidence = dispute.putObject("evidence");
        EVIDENCE_FIELDS.forEach(evidence::putNull);
        ObjectNode enhancedEvidence = evidence.putObject("enhanced_evidence");
        ObjectNode details = dispute.putObject("evidence_details");
        details.put("due_by", dispute.get("created").asLong() + RESPONSE_WINDOW);
        ObjectNode eligibility = details.putObject("enhanced_eligibility");
        String eligibleFor = kind.enhancedEligibility();
        if (eligibleFor != null) {
            eligibilityTypes.add(eligibleFor);
            if (kind.compliance()) {
                enhancedEvidence.putObject(eligibleFor).put("fee_acknowledged", false);
                eligibility.putObject(eligibleFor).put("status", "requires_fee_acknowledgement");
            } else {
                ObjectNode ce3 = enhancedEvidence.putObject(eligibleFor);
                ce3.putNull("disputed_transaction");
                ce3.putArray("prior_undisputed_transactions");
                ObjectNode qualification = eligibility.putObject(eligibleFor);
                CE3_REQUIRED_ACTIONS.forEach(qualification.putArray("required_actions")::add);
                qualification.put("status", "requires_action");
            }
        }
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
        card.put("case_type", kind.caseType());
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

    /**
     * Merges given evidence in (a field given empty is cleared; a compliance dispute's fee acknowledgement), and notes
     * that there is evidence.
     */
    static void applyEvidence(ObjectNode dispute, Map<String, Object> given) {
        ObjectNode evidence = (ObjectNode) dispute.get("evidence");
        given.forEach((field, value) -> {
            if ("enhanced_evidence".equals(field)) {
                acknowledgeFees(dispute, value);
            } else if (value == null || "".equals(value)) {
                evidence.putNull(field);
            } else {
                evidence.put(field, (String) value);
            }
        });
        boolean any = EVIDENCE_FIELDS.stream().anyMatch(field -> !evidence.path(field).isNull()
                && !evidence.path(field).isMissingNode());
        ((ObjectNode) dispute.get("evidence_details")).put("has_evidence", any);
    }

    /** {@code enhanced_evidence[<compliance type>][fee_acknowledged]=true}, for the compliance dispute it names. */
    @SuppressWarnings("unchecked")
    private static void acknowledgeFees(ObjectNode dispute, Object given) {
        if (!(given instanceof Map<?, ?> types)) {
            return;
        }
        ((Map<String, Object>) types).forEach((type, value) -> {
            if (!(value instanceof Map<?, ?> fields) || !Boolean.TRUE.equals(fields.get("fee_acknowledged"))) {
                return;
            }
            ObjectNode eligibility = (ObjectNode) dispute.get("evidence_details").get("enhanced_eligibility");
            if (!eligibility.has(type)) {
                throw StripeError.invalid("evidence[enhanced_evidence][" + type + "]", "This dispute has no "
                        + "network fee to acknowledge: it is not eligible for " + type + " evidence.");
            }
            ((ObjectNode) dispute.get("evidence").get("enhanced_evidence").get(type)).put("fee_acknowledged", true);
            ((ObjectNode) eligibility.get(type)).put("status", "fee_acknowledged");
        });
    }

    /**
     * A compliance dispute's evidence is submitted only once its network fee is acknowledged (Stripe collects it
     * when the dispute is countered): refused otherwise.
     */
    static void requireFeeAcknowledged(ObjectNode dispute) {
        JsonNode eligibility = dispute.get("evidence_details").get("enhanced_eligibility");
        for (String type : List.of("visa_compliance", "mastercard_compliance")) {
            if ("requires_fee_acknowledgement".equals(eligibility.path(type).path("status").asString(null))) {
                throw StripeError.invalid("evidence[enhanced_evidence][" + type + "][fee_acknowledged]",
                        "You must acknowledge the network fee of this compliance dispute (evidence[enhanced_evidence]["
                                + type + "][fee_acknowledged]=true) before submitting its evidence.");
            }
        }
    }

    /** An inquiry escalated by the issuer is a chargeback from now on. */
    static void escalated(ObjectNode dispute) {
        ((ObjectNode) dispute.get("payment_method_details").get("card")).put("case_type", "chargeback");
    }

    static void countSubmission(ObjectNode dispute) {
        ObjectNode details = (ObjectNode) dispute.get("evidence_details");
        details.put("submission_count", details.get("submission_count").asLong() + 1);
    }
}
