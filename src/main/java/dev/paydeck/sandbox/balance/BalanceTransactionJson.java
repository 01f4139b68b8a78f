package dev.paydeck.sandbox.balance;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A BalanceTransaction as Stripe renders it: one movement of funds in the account's balance, with its fee. */
final class BalanceTransactionJson {

    /** What moved the funds, as Stripe names it: {@code type}, {@code reporting_category} and description. */
    record Kind(String type, String reportingCategory, String description) {
    }

    private BalanceTransactionJson() {
    }

    /**
     * {@code fee} is Stripe's own fee (negative when it is given back), described in {@code fee_details};
     * {@code net} is what the balance gains: {@code amount - fee}.
     */
    static ObjectNode create(ObjectNode transaction, Kind kind, long amount, String currency, long fee,
            String feeDescription, long availableOn, String source, long now) {
        transaction.put("amount", amount);
        transaction.put("available_on", availableOn);
        transaction.put("balance_type", "payments");
        transaction.put("currency", currency);
        if (kind.description() == null) {
            transaction.putNull("description");
        } else {
            transaction.put("description", kind.description());
        }
        transaction.putNull("exchange_rate");
        transaction.put("fee", fee);
        ArrayNode details = transaction.putArray("fee_details");
        if (fee != 0) {
            ObjectNode detail = details.addObject();
            detail.put("amount", fee);
            detail.putNull("application");
            detail.put("currency", currency);
            detail.put("description", feeDescription);
            detail.put("type", "stripe_fee");
        }
        transaction.put("net", amount - fee);
        transaction.put("reporting_category", kind.reportingCategory());
        transaction.put("source", source);
        transaction.put("status", status(availableOn, now));
        transaction.put("type", kind.type());
        return transaction;
    }

    /** {@code pending} until {@code available_on}, then {@code available}. */
    static String status(long availableOn, long now) {
        return availableOn <= now ? "available" : "pending";
    }
}
