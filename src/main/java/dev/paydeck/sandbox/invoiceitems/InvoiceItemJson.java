package dev.paydeck.sandbox.invoiceitems;

import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.paymentintents.Currencies;
import dev.paydeck.sandbox.prices.PriceAmounts;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** An invoice item as Stripe renders it, and how its amount follows from a price, an amount or a unit amount. */
final class InvoiceItemJson {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,12}(\\.\\d{1,12})?");

    private InvoiceItemJson() {
    }

    static ObjectNode create(ObjectNode item, String customer, long now) {
        item.put("_created", item.remove("created").asLong());
        item.put("amount", 0);
        item.put("currency", "usd");
        item.put("customer", customer);
        item.putNull("customer_account");
        item.put("date", now);
        item.putNull("description");
        item.put("discountable", true);
        item.putArray("discounts");
        item.putNull("invoice");
        item.put("livemode", false);
        item.putObject("metadata");
        item.put("net_amount", 0);
        item.putNull("parent");
        ObjectNode period = item.putObject("period");
        period.put("end", now);
        period.put("start", now);
        item.putNull("pricing");
        item.put("proration", false);
        item.putObject("proration_details").putArray("discount_amounts");
        item.put("quantity", 1);
        item.putArray("tax_rates");
        item.putNull("test_clock");
        item.put("_pending", true);
        return item;
    }

    /**
     * Sets the currency, quantity, pricing and amount: from the price (times the quantity, as the price computes
     * it), or from {@code amount} (quantity 1), or {@code unit_amount_decimal} times the quantity.
     */
    static void price(ObjectNode item, StripeCall call, ObjectNode price, String currency) {
        Long amount = call.longValue("amount");
        String unitAmountDecimal = call.string("unit_amount_decimal");
        long quantity = call.longValue("quantity") != null ? call.longValue("quantity")
                : item.path("quantity").asLong(1);
        if (quantity < 0) {
            throw StripeError.invalid("quantity", "Invalid quantity: must be greater than or equal to 0");
        }
        int given = (price != null ? 1 : 0) + (amount != null ? 1 : 0) + (unitAmountDecimal != null ? 1 : 0);
        if (given > 1) {
            throw StripeError.invalid("amount", "You may only specify one of these parameters: amount, price_data, "
                    + "pricing, unit_amount_decimal.");
        }
        ObjectNode pricing = item.objectNode();
        if (price != null) {
            String priceCurrency = price.get("currency").asString();
            if (call.string("currency") != null && !Currencies.require(call.string("currency"), "currency")
                    .equals(priceCurrency)) {
                throw StripeError.invalid("currency", "The currency must match the price's currency ("
                        + priceCurrency + ").");
            }
            item.put("currency", priceCurrency);
            ObjectNode details = pricing.putObject("price_details");
            details.put("price", price.get("id").asString());
            details.put("product", price.get("product").asString());
            pricing.put("type", "price_details");
            pricing.put("unit_amount_decimal", price.path("unit_amount_decimal").asString(null));
            item.put("amount", PriceAmounts.of(price).amount(quantity));
        } else if (amount != null || unitAmountDecimal != null) {
            if (currency == null) {
                throw StripeError.parameterMissing("currency");
            }
            item.put("currency", Currencies.require(currency, "currency"));
            BigDecimal unit;
            if (amount != null) {
                if (call.longValue("quantity") != null && quantity != 1) {
                    throw StripeError.invalid("quantity", "When `amount` is given, `quantity` must be 1: use "
                            + "`unit_amount_decimal` to bill several units.");
                }
                unit = BigDecimal.valueOf(amount);
            } else {
                if (!DECIMAL.matcher(unitAmountDecimal).matches()) {
                    throw StripeError.invalid("unit_amount_decimal", "Invalid decimal: " + unitAmountDecimal);
                }
                unit = new BigDecimal(unitAmountDecimal);
            }
            pricing.putNull("price_details");
            pricing.putNull("type");
            BigDecimal plain = unit.stripTrailingZeros();
            pricing.put("unit_amount_decimal", (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString());
            item.put("amount", unit.multiply(BigDecimal.valueOf(quantity)).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact());
            if (amount != null && amount < 0 && call.bool("discountable") == null) {
                item.put("discountable", false);
            }
        } else if (item.path("pricing").isNull()) {
            throw StripeError.parameterMissing("amount");
        } else {
            // Only the quantity changed: the amount follows from the unit amount kept.
            BigDecimal unit = new BigDecimal(item.at("/pricing/unit_amount_decimal").asString("0"));
            item.put("amount", unit.multiply(BigDecimal.valueOf(quantity)).setScale(0, RoundingMode.HALF_UP)
                    .longValueExact());
            pricing = (ObjectNode) item.get("pricing");
        }
        item.set("pricing", pricing);
        item.put("quantity", quantity);
        item.put("net_amount", item.get("amount").asLong());
    }
}
