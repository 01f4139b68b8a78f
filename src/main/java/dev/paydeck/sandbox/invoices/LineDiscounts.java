package dev.paydeck.sandbox.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The discounts of an invoice's lines, in minor units, before tax. Stripe applies a line's own discounts (its invoice
 * item's) first, then the invoice's, each on what the earlier ones left. A {@code percent_off} coupon takes its
 * percentage of what is left on each line it applies to, rounded to the nearest minor unit, halves up, line by line
 * (as Stripe rounds its amounts: support.stripe.com, "rounding rules"); an {@code amount_off} coupon (in the
 * invoice's currency) is spread over the lines it applies to in proportion to what is left on them (the last line
 * takes what rounding left, so the parts add up to the coupon's amount), and never takes more than is left. A line
 * gets discounts only if it is discountable and, for a coupon limited to some products ({@code applies_to}), bills
 * one of them. A line whose amount already includes some discounts (a subscription's proration, made net of them)
 * gets nothing more of those: it shows them at zero, as Stripe's prorations do. Pure: {@link InvoiceJson} uses it for
 * the lines and totals.
 */
final class LineDiscounts {

    /**
     * One line as discounts see it: its amount, whether it is discountable, its product (or null), its own discounts
     * and those its amount already includes (by id).
     */
    record Line(long amount, boolean discountable, String product, List<Discount> own, Set<String> included) {

        Line(long amount, boolean discountable, String product, List<Discount> own) {
            this(amount, discountable, product, own, Set.of());
        }
    }

    /** A discount and its coupon's terms: a percentage or an amount off, and the products it applies to (or null). */
    record Discount(String id, BigDecimal percentOff, long amountOff, Set<String> products) {

        boolean appliesTo(Line line) {
            return line.discountable() && (products == null || products.contains(line.product()))
                    && !line.included().contains(id);
        }
    }

    private LineDiscounts() {
    }

    /**
     * Each line's discount amounts by discount id, in the order they were applied (the line's own, then the
     * invoice's), for the lines in their order.
     */
    static List<Map<String, Long>> of(List<Line> lines, List<Discount> invoiceDiscounts) {
        List<Map<String, Long>> amounts = new ArrayList<>();
        long[] left = new long[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            left[i] = Math.max(0, line.amount());
            Map<String, Long> lineAmounts = new LinkedHashMap<>();
            line.included().forEach(id -> lineAmounts.put(id, 0L));
            amounts.add(lineAmounts);
            for (Discount discount : line.own()) {
                if (!discount.appliesTo(line)) {
                    continue;
                }
                long off = discount.percentOff() != null ? percentOf(left[i], discount.percentOff())
                        : Math.min(left[i], discount.amountOff());
                lineAmounts.merge(discount.id(), off, Long::sum);
                left[i] -= off;
            }
        }
        for (Discount discount : invoiceDiscounts) {
            if (discount.percentOff() != null) {
                for (int i = 0; i < lines.size(); i++) {
                    if (discount.appliesTo(lines.get(i))) {
                        long off = percentOf(left[i], discount.percentOff());
                        amounts.get(i).merge(discount.id(), off, Long::sum);
                        left[i] -= off;
                    }
                }
            } else {
                spread(lines, discount, left, amounts);
            }
        }
        return amounts;
    }

    /** An amount off spread over the lines it applies to, in proportion to what is left on each. */
    private static void spread(List<Line> lines, Discount discount, long[] left, List<Map<String, Long>> amounts) {
        List<Integer> eligible = new ArrayList<>();
        long base = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (discount.appliesTo(lines.get(i)) && left[i] > 0) {
                eligible.add(i);
                base += left[i];
            }
        }
        long total = Math.min(discount.amountOff(), base);
        long given = 0;
        for (int n = 0; n < eligible.size(); n++) {
            int i = eligible.get(n);
            long off = n == eligible.size() - 1 ? total - given
                    : BigDecimal.valueOf(total).multiply(BigDecimal.valueOf(left[i]))
                            .divide(BigDecimal.valueOf(base), 0, RoundingMode.HALF_UP).longValueExact();
            off = Math.min(off, left[i]);
            given += off;
            amounts.get(i).merge(discount.id(), off, Long::sum);
            left[i] -= off;
        }
    }

    private static long percentOf(long amount, BigDecimal percentage) {
        return BigDecimal.valueOf(amount).multiply(percentage).divide(BigDecimal.valueOf(100), 0,
                RoundingMode.HALF_UP).longValueExact();
    }
}
