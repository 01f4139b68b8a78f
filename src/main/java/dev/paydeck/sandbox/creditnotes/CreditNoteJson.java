package dev.paydeck.sandbox.creditnotes;

import dev.paydeck.sandbox.api.StripeError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A credit note as Stripe renders it, and its totals from its lines ({@link CreditNoteLines}); without lines,
 * {@code amount} is credited as such. The total is each line's amount less its discounts plus its exclusive taxes.
 */
final class CreditNoteJson {

    private CreditNoteJson() {
    }

    /**
     * A credit note (not stored) for the invoice from the parameters: its lines and totals; {@code credited} is what
     * earlier credit notes already credited of each invoice line, by line id.
     */
    @SuppressWarnings("unchecked")
    static ObjectNode build(ObjectNode note, ObjectNode invoice, Map<String, Object> params,
            Map<String, CreditNoteLines.Credited> credited) {
        String id = note.get("id").asString();
        List<Object> givenLines = (List<Object>) params.get("lines");
        Long amount = (Long) params.get("amount");
        if ((givenLines == null || givenLines.isEmpty()) && amount == null) {
            throw StripeError.invalid("lines", "One of `amount`, `lines`, or `shipping_cost` must be provided.");
        }
        ArrayNode lines = note.arrayNode();
        long subtotal = 0;
        long discount = 0;
        long exclusiveTax = 0;
        long inclusiveTax = 0;
        Map<String, Long> discounts = new LinkedHashMap<>();
        Map<String, ObjectNode> totalTaxes = new LinkedHashMap<>();
        List<Object> entries = givenLines == null ? List.of() : givenLines;
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Object> given = (Map<String, Object>) entries.get(i);
            ObjectNode line = CreditNoteLines.line(note, invoice, given, "lines[" + i + "]", credited);
            lines.add(line);
            subtotal += line.get("amount").asLong();
            discount += line.get("discount_amount").asLong();
            line.get("discount_amounts").forEach(each -> discounts.merge(each.get("discount").asString(),
                    each.get("amount").asLong(), Long::sum));
            for (JsonNode tax : line.get("taxes")) {
                if ("inclusive".equals(tax.get("tax_behavior").asString())) {
                    inclusiveTax += tax.get("amount").asLong();
                } else {
                    exclusiveTax += tax.get("amount").asLong();
                }
                ObjectNode sum = totalTaxes.computeIfAbsent(tax.at("/tax_rate_details/tax_rate").asString(), rate -> {
                    ObjectNode copy = ((ObjectNode) tax).deepCopy();
                    copy.put("amount", 0);
                    copy.put("taxable_amount", 0);
                    return copy;
                });
                sum.put("amount", sum.get("amount").asLong() + tax.get("amount").asLong());
                sum.put("taxable_amount", sum.get("taxable_amount").asLong() + tax.get("taxable_amount").asLong());
            }
        }
        long total = subtotal - discount + exclusiveTax;
        if (lines.isEmpty()) {
            subtotal = amount;
            total = amount;
        } else if (amount != null && amount != total) {
            throw StripeError.invalid("amount", "The credit note `amount` (" + amount + ") must equal the sum of "
                    + "its lines (" + total + ").");
        }
        if (total <= 0) {
            throw StripeError.invalid(lines.isEmpty() ? "amount" : "lines", "The credit note's total must be "
                    + "greater than 0.");
        }
        note.put("amount", total);
        note.put("amount_shipping", 0);
        note.put("currency", invoice.get("currency").asString());
        note.put("customer", invoice.get("customer").asString());
        note.putNull("customer_account");
        note.putNull("customer_balance_transaction");
        note.put("discount_amount", discount);
        ArrayNode discountAmounts = note.putArray("discount_amounts");
        discounts.forEach((discountId, off) -> {
            ObjectNode each = discountAmounts.addObject();
            each.put("amount", off);
            each.put("discount", discountId);
        });
        long effectiveAt = params.get("effective_at") instanceof Long at ? at : note.get("created").asLong();
        note.put("effective_at", effectiveAt);
        note.put("invoice", invoice.get("id").asString());
        ObjectNode list = note.putObject("lines");
        list.put("object", "list");
        list.set("data", lines);
        list.put("has_more", false);
        list.put("url", "/v1/credit_notes/" + id + "/lines");
        note.put("livemode", false);
        text(note, "memo", (String) params.get("memo"));
        note.putObject("metadata");
        note.putNull("number");
        putLong(note, "out_of_band_amount", (Long) params.get("out_of_band_amount"));
        note.putNull("pdf");
        note.put("post_payment_amount", 0);
        note.put("pre_payment_amount", 0);
        note.putArray("pretax_credit_amounts");
        text(note, "reason", (String) params.get("reason"));
        note.putArray("refunds");
        note.putNull("shipping_cost");
        note.put("status", "issued");
        note.put("subtotal", subtotal);
        note.put("subtotal_excluding_tax", subtotal - inclusiveTax);
        note.put("total", total);
        note.put("total_excluding_tax", total - exclusiveTax - inclusiveTax);
        ArrayNode taxes = note.putArray("total_taxes");
        totalTaxes.values().forEach(taxes::add);
        note.put("type", "post_payment");
        note.putNull("voided_at");
        return note;
    }

    /** The pre- and post-payment parts of a credit note, and its {@code type}. */
    static void split(ObjectNode note, long prePayment) {
        long post = note.get("total").asLong() - prePayment;
        note.put("pre_payment_amount", prePayment);
        note.put("post_payment_amount", post);
        note.put("type", post == 0 ? "pre_payment" : prePayment == 0 ? "post_payment" : "mixed");
    }

    private static void text(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private static void putLong(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
