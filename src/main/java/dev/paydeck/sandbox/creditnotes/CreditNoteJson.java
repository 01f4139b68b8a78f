package dev.paydeck.sandbox.creditnotes;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.StripeError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A credit note as Stripe renders it, and its lines and totals from the create parameters: a line credits an invoice
 * line by {@code quantity} (times the line's unit amount) or by {@code amount}, with that share of the invoice line's
 * discounts and taxes; a custom line credits {@code unit_amount} times {@code quantity}; without lines, {@code amount}
 * is credited as such. The total is each line's amount less its discounts plus its exclusive taxes.
 */
final class CreditNoteJson {

    private CreditNoteJson() {
    }

    /**
     * What earlier credit notes credited of one invoice line: an amount, a quantity, and whether by quantity (Stripe
     * lets later credit notes credit a line only the way the first did).
     */
    record Credited(long amount, long quantity, boolean byQuantity) {

        Credited plus(long moreAmount, long moreQuantity) {
            return new Credited(amount + moreAmount, quantity + moreQuantity, byQuantity);
        }
    }

    /**
     * A credit note (not stored) for the invoice from the parameters: its lines and totals; {@code credited} is what
     * earlier credit notes already credited of each invoice line, by line id.
     */
    @SuppressWarnings("unchecked")
    static ObjectNode build(ObjectNode note, ObjectNode invoice, Map<String, Object> params,
            Map<String, Credited> credited) {
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
            ObjectNode line = line(note, invoice, given, "lines[" + i + "]", credited);
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

    private static ObjectNode line(ObjectNode note, ObjectNode invoice, Map<String, Object> given, String param,
            Map<String, Credited> credited) {
        String invoiceLineId = (String) given.get("invoice_line_item");
        String type = given.get("type") != null ? (String) given.get("type")
                : invoiceLineId != null ? "invoice_line_item" : "custom_line_item";
        ObjectNode line = note.objectNode();
        line.put("id", Ids.generate("cnli"));
        line.put("object", "credit_note_line_item");
        if (type.equals("custom_line_item")) {
            return customLine(line, given, param);
        }
        if (invoiceLineId == null) {
            throw StripeError.parameterMissing(param + "[invoice_line_item]");
        }
        JsonNode invoiceLine = null;
        for (JsonNode candidate : invoice.at("/lines/data")) {
            if (candidate.get("id").asString().equals(invoiceLineId)) {
                invoiceLine = candidate;
            }
        }
        if (invoiceLine == null) {
            throw StripeError.resourceMissing("line_item", invoiceLineId, param + "[invoice_line_item]");
        }
        Long quantity = (Long) given.get("quantity");
        Long amount = (Long) given.get("amount");
        if ((quantity == null) == (amount == null)) {
            throw StripeError.invalid(param, "You must pass exactly one of `amount` or `quantity` for " + param
                    + ".");
        }
        long lineAmount = invoiceLine.get("amount").asLong();
        long lineQuantity = Math.max(1, invoiceLine.path("quantity").asLong(1));
        BigDecimal unit = BigDecimal.valueOf(lineAmount).divide(BigDecimal.valueOf(lineQuantity), 12,
                RoundingMode.HALF_UP).stripTrailingZeros();
        Credited earlier = credited.get(invoiceLineId);
        if (earlier != null && earlier.byQuantity() != (quantity != null)) {
            throw StripeError.invalid(param, "Invoice line " + invoiceLineId + " was credited by "
                    + (earlier.byQuantity() ? "quantity" : "amount") + ": later credit notes can only credit it by "
                    + (earlier.byQuantity() ? "quantity" : "amount") + " too.");
        }
        long quantityLeft = lineQuantity - (earlier == null ? 0 : earlier.quantity());
        if (quantity != null && (quantity < 1 || quantity > quantityLeft)) {
            throw StripeError.invalid(param + "[quantity]", "The quantity to credit must be between 1 and what is "
                    + "left to credit of the invoice line's quantity (" + quantityLeft + ").");
        }
        long creditedAmount = quantity != null ? unit.multiply(BigDecimal.valueOf(quantity))
                .setScale(0, RoundingMode.HALF_UP).longValueExact() : amount;
        long left = lineAmount - (earlier == null ? 0 : earlier.amount());
        if (creditedAmount < 1 || creditedAmount > left) {
            throw StripeError.invalid(param + (quantity != null ? "[quantity]" : "[amount]"), "The amount to "
                    + "credit for invoice line " + invoiceLineId + " must be between 1 and what is left to credit "
                    + "of it (" + left + ").");
        }
        long creditedQuantity = quantity == null ? 0 : quantity;
        credited.put(invoiceLineId, earlier == null ? new Credited(creditedAmount, creditedQuantity, quantity != null)
                : earlier.plus(creditedAmount, creditedQuantity));
        // How the line was credited, for later credit notes (internal: never rendered).
        line.put("_by_quantity", quantity != null);
        line.put("amount", creditedAmount);
        if (given.get("description") != null) {
            line.put("description", (String) given.get("description"));
        } else {
            line.set("description", invoiceLine.get("description"));
        }
        ArrayNode discountAmounts = line.putArray("discount_amounts");
        long discount = 0;
        for (JsonNode each : invoiceLine.path("discount_amounts")) {
            long off = share(each.get("amount").asLong(), creditedAmount, lineAmount);
            ObjectNode part = discountAmounts.addObject();
            part.put("amount", off);
            part.put("discount", each.get("discount").asString());
            discount += off;
        }
        line.put("discount_amount", discount);
        line.put("invoice_line_item", invoiceLineId);
        line.put("livemode", false);
        line.set("metadata", metadata(line, given));
        line.putArray("pretax_credit_amounts");
        line.put("quantity", quantity != null ? quantity : lineQuantity);
        line.putArray("tax_rates");
        ArrayNode taxes = line.putArray("taxes");
        for (JsonNode tax : invoiceLine.path("taxes")) {
            ObjectNode part = ((ObjectNode) tax).deepCopy();
            part.put("amount", share(tax.get("amount").asLong(), creditedAmount, lineAmount));
            part.put("taxable_amount", share(tax.get("taxable_amount").asLong(), creditedAmount, lineAmount));
            taxes.add(part);
        }
        line.put("type", "invoice_line_item");
        BigDecimal unitAmount = quantity != null ? unit : BigDecimal.valueOf(creditedAmount);
        line.put("unit_amount", unitAmount.setScale(0, RoundingMode.HALF_UP).longValueExact());
        line.put("unit_amount_decimal", plain(unitAmount));
        return line;
    }

    private static ObjectNode customLine(ObjectNode line, Map<String, Object> given, String param) {
        Long unitAmount = (Long) given.get("unit_amount");
        String unitAmountDecimal = (String) given.get("unit_amount_decimal");
        if ((unitAmount == null) == (unitAmountDecimal == null)) {
            throw StripeError.invalid(param, "A custom line needs exactly one of `unit_amount` or "
                    + "`unit_amount_decimal`.");
        }
        if (given.get("description") == null) {
            throw StripeError.parameterMissing(param + "[description]");
        }
        long quantity = given.get("quantity") != null ? (Long) given.get("quantity") : 1;
        BigDecimal unit;
        try {
            unit = unitAmount != null ? BigDecimal.valueOf(unitAmount) : new BigDecimal(unitAmountDecimal);
        } catch (NumberFormatException e) {
            throw StripeError.invalid(param + "[unit_amount_decimal]", "Invalid decimal: " + unitAmountDecimal);
        }
        if (quantity < 1 || unit.signum() <= 0) {
            throw StripeError.invalid(param, "A custom line's unit amount and quantity must be greater than 0.");
        }
        line.put("amount", unit.multiply(BigDecimal.valueOf(quantity)).setScale(0, RoundingMode.HALF_UP)
                .longValueExact());
        line.put("description", (String) given.get("description"));
        line.put("discount_amount", 0);
        line.putArray("discount_amounts");
        line.putNull("invoice_line_item");
        line.put("livemode", false);
        line.set("metadata", metadata(line, given));
        line.putArray("pretax_credit_amounts");
        line.put("quantity", quantity);
        line.putArray("tax_rates");
        line.putArray("taxes");
        line.put("type", "custom_line_item");
        line.put("unit_amount", unit.setScale(0, RoundingMode.HALF_UP).longValueExact());
        line.put("unit_amount_decimal", plain(unit));
        return line;
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode metadata(ObjectNode line, Map<String, Object> given) {
        ObjectNode metadata = line.objectNode();
        if (given.get("metadata") instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> {
                if (value != null) {
                    metadata.put(key, (String) value);
                }
            });
        }
        return metadata;
    }

    /** {@code part} of {@code amount} for {@code credited} of {@code whole}, rounded half up. */
    static long share(long amount, long credited, long whole) {
        if (whole == 0 || credited == whole) {
            return credited == whole ? amount : 0;
        }
        return BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(credited))
                .divide(BigDecimal.valueOf(whole), 0, RoundingMode.HALF_UP).longValueExact();
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
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
