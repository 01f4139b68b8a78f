package dev.paydeck.sandbox.refunds;

import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/** A Refund as Stripe renders it (card refunds succeed at once in test mode, but for the refund test cards). */
final class RefundJson {

    private RefundJson() {
    }

    static ObjectNode create(ObjectNode refund, ObjectNode charge, long amount, String reason,
            Map<String, Object> metadata, String status) {
        refund.put("amount", amount);
        refund.putNull("balance_transaction");
        refund.put("charge", charge.get("id").asString());
        refund.put("currency", charge.get("currency").asString());
        ObjectNode destination = refund.putObject("destination_details");
        ObjectNode card = destination.putObject("card");
        card.putNull("reference");
        card.put("reference_status", "pending");
        card.put("reference_type", "acquirer_reference_number");
        card.put("type", "refund");
        destination.put("type", "card");
        ObjectNode stored = refund.putObject("metadata");
        if (metadata != null) {
            metadata.forEach((key, value) -> {
                if (value != null) {
                    stored.put(key, (String) value);
                }
            });
        }
        refund.set("payment_intent", charge.get("payment_intent").deepCopy());
        if (reason == null) {
            refund.putNull("reason");
        } else {
            refund.put("reason", reason);
        }
        refund.putNull("receipt_number");
        refund.putNull("source_transfer_reversal");
        refund.put("status", status);
        refund.putNull("transfer_reversal");
        return refund;
    }
}
