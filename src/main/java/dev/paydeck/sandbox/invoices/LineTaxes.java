package dev.paydeck.sandbox.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The taxes of one invoice line, in minor units: an exclusive rate adds its percentage of the line's amount; inclusive
 * rates are already in the amount, which is split into a taxable amount (the amount divided by one plus the inclusive
 * percentages) and each rate's share of the rest. Each tax is rounded half up. Pure: invoices use it for their lines.
 */
record LineTaxes(long amount, List<Tax> taxes) {

    /** A tax rate as a line applies it. */
    record Rate(String id, BigDecimal percentage, boolean inclusive) {
    }

    /** One rate's tax on the line: its amount, the amount it was computed on, and whether it was included. */
    record Tax(String rateId, long amount, long taxableAmount, boolean inclusive) {
    }

    static LineTaxes of(long amount, List<Rate> rates) {
        BigDecimal hundred = BigDecimal.valueOf(100);
        BigDecimal inclusiveShare = rates.stream().filter(Rate::inclusive).map(Rate::percentage)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long taxable = inclusiveShare.signum() == 0 ? amount
                : BigDecimal.valueOf(amount).multiply(hundred).divide(hundred.add(inclusiveShare), 0,
                        RoundingMode.HALF_UP).longValueExact();
        List<Tax> taxes = new ArrayList<>();
        long includedSoFar = 0;
        List<Rate> inclusive = rates.stream().filter(Rate::inclusive).toList();
        for (Rate rate : rates) {
            long tax;
            if (rate.inclusive()) {
                // The last inclusive rate takes what rounding left, so the taxes and the taxable amount add up.
                boolean last = rate == inclusive.getLast();
                tax = last ? amount - taxable - includedSoFar : percentOf(taxable, rate.percentage());
                includedSoFar += tax;
            } else {
                tax = percentOf(taxable, rate.percentage());
            }
            taxes.add(new Tax(rate.id(), tax, taxable, rate.inclusive()));
        }
        return new LineTaxes(amount, taxes);
    }

    /** The taxes already in the amount. */
    long inclusiveTax() {
        return taxes.stream().filter(Tax::inclusive).mapToLong(Tax::amount).sum();
    }

    /** The taxes added to the amount. */
    long exclusiveTax() {
        return taxes.stream().filter(tax -> !tax.inclusive()).mapToLong(Tax::amount).sum();
    }

    private static long percentOf(long amount, BigDecimal percentage) {
        return BigDecimal.valueOf(amount).multiply(percentage).divide(BigDecimal.valueOf(100), 0,
                RoundingMode.HALF_UP).longValueExact();
    }
}
