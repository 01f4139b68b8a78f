package dev.paydeck.sandbox.prices;

import dev.paydeck.sandbox.api.StripeError;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How much a new price charges and how often, checked as Stripe checks them and written into the price: the unit
 * amount (an integer {@code unit_amount} or a {@code unit_amount_decimal} with up to 12 decimals, one of them), or
 * the {@code tiers} of a {@code tiered} price (increasing {@code up_to}, the last one {@code inf}), the
 * {@code transform_quantity} of a per-unit price, and {@code recurring} (an interval of at most three years).
 * {@code price_data} inline and a product's {@code default_price_data} go through the same checks.
 */
final class PriceTerms {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,12}(\\.\\d{1,12})?");
    /** Stripe's longest billing interval, three years, in each unit. */
    private static final Map<String, Long> MAX_INTERVAL_COUNT = Map.of("day", 1095L, "week", 156L, "month", 36L,
            "year", 3L);

    private PriceTerms() {
    }

    /** Writes {@code billing_scheme}, the amounts, tiers, transform and recurrence from a create call's params. */
    @SuppressWarnings("unchecked")
    static void apply(ObjectNode price, Map<String, Object> params, String prefix) {
        String scheme = params.get("billing_scheme") == null ? "per_unit" : (String) params.get("billing_scheme");
        price.put("billing_scheme", scheme);
        if (scheme.equals("tiered")) {
            tiered(price, params, prefix);
        } else {
            perUnit(price, params, prefix);
        }
        Map<String, Object> recurring = (Map<String, Object>) params.get("recurring");
        if (recurring == null) {
            price.putNull("recurring");
            price.put("type", "one_time");
        } else {
            price.set("recurring", recurring(price, recurring, at(prefix, "recurring")));
            price.put("type", "recurring");
        }
    }

    @SuppressWarnings("unchecked")
    private static void perUnit(ObjectNode price, Map<String, Object> params, String prefix) {
        for (String tieredOnly : List.of("tiers", "tiers_mode")) {
            if (params.get(tieredOnly) != null) {
                throw StripeError.invalid(at(prefix, tieredOnly), "You may only specify `" + tieredOnly
                        + "` when `billing_scheme` is `tiered`.");
            }
        }
        BigDecimal unitAmount = amount(params, "unit_amount", "unit_amount_decimal", prefix, true);
        putAmounts(price, "unit_amount", unitAmount);
        price.putNull("tiers_mode");
        Map<String, Object> transform = (Map<String, Object>) params.get("transform_quantity");
        if (transform == null) {
            price.putNull("transform_quantity");
            return;
        }
        long divideBy = (Long) transform.get("divide_by");
        if (divideBy < 1) {
            throw StripeError.invalid(at(at(prefix, "transform_quantity"), "divide_by"),
                    "Invalid transform_quantity[divide_by]: must be greater than or equal to 1");
        }
        ObjectNode node = price.putObject("transform_quantity");
        node.put("divide_by", divideBy);
        node.put("round", (String) transform.get("round"));
    }

    @SuppressWarnings("unchecked")
    private static void tiered(ObjectNode price, Map<String, Object> params, String prefix) {
        for (String perUnitOnly : List.of("unit_amount", "unit_amount_decimal", "transform_quantity")) {
            if (params.get(perUnitOnly) != null) {
                throw StripeError.invalid(at(prefix, perUnitOnly), "You may not specify `" + perUnitOnly
                        + "` when `billing_scheme` is `tiered`.");
            }
        }
        if (params.get("tiers_mode") == null) {
            throw StripeError.parameterMissing(at(prefix, "tiers_mode"));
        }
        List<Object> tiers = (List<Object>) params.get("tiers");
        if (tiers == null || tiers.isEmpty()) {
            throw StripeError.parameterMissing(at(prefix, "tiers"));
        }
        price.putNull("unit_amount");
        price.putNull("unit_amount_decimal");
        price.put("tiers_mode", (String) params.get("tiers_mode"));
        price.putNull("transform_quantity");
        ArrayNode rendered = price.putArray("tiers");
        long previousUpTo = 0;
        for (int i = 0; i < tiers.size(); i++) {
            Map<String, Object> tier = (Map<String, Object>) tiers.get(i);
            String tierParam = at(prefix, "tiers") + "[" + i + "]";
            boolean last = i == tiers.size() - 1;
            Long upTo = upTo(tier.get("up_to"), at(tierParam, "up_to"));
            if (last && upTo != null) {
                throw StripeError.invalid(at(tierParam, "up_to"), "The last tier of a tiered price must have `up_to` set "
                        + "to `inf`.");
            }
            if (!last && upTo == null) {
                throw StripeError.invalid(at(tierParam, "up_to"), "Only the last tier of a tiered price may have `up_to` "
                        + "set to `inf`.");
            }
            if (upTo != null && upTo <= previousUpTo) {
                throw StripeError.invalid(at(tierParam, "up_to"), "The `up_to` of each tier must be greater than the "
                        + "previous tier's.");
            }
            BigDecimal unitAmount = amount(tier, "unit_amount", "unit_amount_decimal", tierParam, false);
            BigDecimal flatAmount = amount(tier, "flat_amount", "flat_amount_decimal", tierParam, false);
            if (unitAmount == null && flatAmount == null) {
                throw StripeError.invalid(tierParam, "Each tier needs a `unit_amount` or a `flat_amount` (or their "
                        + "`_decimal` forms).");
            }
            ObjectNode node = rendered.addObject();
            putAmounts(node, "flat_amount", flatAmount);
            putAmounts(node, "unit_amount", unitAmount);
            if (upTo == null) {
                node.putNull("up_to");
            } else {
                node.put("up_to", upTo);
                previousUpTo = upTo;
            }
        }
    }

    private static ObjectNode recurring(ObjectNode price, Map<String, Object> recurring, String param) {
        String interval = (String) recurring.get("interval");
        long count = recurring.get("interval_count") == null ? 1 : (Long) recurring.get("interval_count");
        if (count < 1 || count > MAX_INTERVAL_COUNT.get(interval)) {
            throw StripeError.invalid(at(param, "interval_count"), "Invalid recurring[interval_count]: the billing "
                    + "interval must be at least one " + interval + " and at most three years (3 years, 36 months, "
                    + "156 weeks or 1095 days).");
        }
        String usageType = recurring.get("usage_type") == null ? "licensed" : (String) recurring.get("usage_type");
        String meter = (String) recurring.get("meter");
        if (usageType.equals("metered") && meter == null) {
            throw StripeError.invalid(at(param, "meter"), "Metered prices must be backed by a meter: set "
                    + "`recurring[meter]`.");
        }
        if (usageType.equals("licensed") && meter != null) {
            throw StripeError.invalid(at(param, "meter"), "Only metered prices (`recurring[usage_type]=metered`) take a "
                    + "`recurring[meter]`.");
        }
        ObjectNode node = price.objectNode();
        node.put("interval", interval);
        node.put("interval_count", count);
        if (meter == null) {
            node.putNull("meter");
        } else {
            node.put("meter", meter);
        }
        node.put("usage_type", usageType);
        return node;
    }

    /** An amount given as an integer or as a decimal string, not both; required or not. */
    private static BigDecimal amount(Map<String, Object> params, String integer, String decimal, String prefix,
            boolean required) {
        Long whole = (Long) params.get(integer);
        String text = (String) params.get(decimal);
        if (whole != null && text != null) {
            throw StripeError.invalid(at(prefix, integer), "You may only specify one of these parameters: "
                    + integer + ", " + decimal + ".");
        }
        if (whole != null) {
            if (whole < 0) {
                throw StripeError.invalid(at(prefix, integer), "Invalid " + integer + ": must be greater than "
                        + "or equal to 0");
            }
            return BigDecimal.valueOf(whole);
        }
        if (text != null) {
            if (!DECIMAL.matcher(text).matches()) {
                throw StripeError.invalid(at(prefix, decimal), "Invalid decimal: " + text + " (at most 12 "
                        + "digits before and 12 after the decimal point)");
            }
            return new BigDecimal(text);
        }
        if (required) {
            throw StripeError.parameterMissing(at(prefix, integer));
        }
        return null;
    }

    /** Stripe renders both forms: the integer (null when the amount has a fraction) and the decimal string. */
    private static void putAmounts(ObjectNode node, String field, BigDecimal amount) {
        if (amount == null) {
            node.putNull(field);
            node.putNull(field + "_decimal");
            return;
        }
        BigDecimal plain = amount.stripTrailingZeros();
        if (plain.scale() <= 0) {
            node.put(field, plain.longValueExact());
        } else {
            node.putNull(field);
        }
        node.put(field + "_decimal", plain.scale() < 0 ? plain.setScale(0).toPlainString() : plain.toPlainString());
    }

    /** A parameter's name as Stripe writes it in errors: {@code tiers[0][up_to]}, {@code default_price_data[currency]}. */
    static String at(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "[" + name + "]";
    }

    private static Long upTo(Object value, String param) {
        if (value == null) {
            throw StripeError.parameterMissing(param);
        }
        if ("inf".equals(value)) {
            return null;
        }
        try {
            long upTo = Long.parseLong((String) value);
            if (upTo < 1) {
                throw StripeError.invalid(param, "Invalid up_to: must be a positive integer or `inf`");
            }
            return upTo;
        } catch (NumberFormatException e) {
            throw StripeError.invalid(param, "Invalid up_to: must be a positive integer or `inf`");
        }
    }
}
