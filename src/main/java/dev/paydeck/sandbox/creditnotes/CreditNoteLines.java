package dev.paydeck.sandbox.creditnotes;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.StripeError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A credit note's lines from the create parameters: a line credits an invoice line by {@code quantity} (times the
 * line's unit amount) or by {@code amount}, never more than is left of it, with that share of the invoice line's
 * discounts and taxes (rounded half up); a custom line credits {@code unit_amount} times {@code quantity}.
 */
final class CreditNoteLines {

    private CreditNoteLines() {
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

    static ObjectNode line(ObjectNode note, ObjectNode invoice, Map<String, Object> given, String param,
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
}
