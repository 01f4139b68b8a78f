package dev.paydeck.sandbox.subscriptions;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Stripe's proration of a change at {@code prorationDate} within the period {@code [start, end)}: the amount billed
 * for the period times the share of it that remains, rounded to the currency's minor unit (Stripe's prorations guide:
 * from 10 USD to 20 USD a month halfway through, a credit of 5 USD for the unused time and 10 USD for the remaining
 * time on the new price, 5 USD more in all).
 */
final class Prorations {

    private Prorations() {
    }

    /** What the remaining time of the period is worth at a price that bills {@code periodAmount} for all of it. */
    static long remaining(long periodAmount, long start, long end, long prorationDate) {
        if (end <= start) {
            return 0;
        }
        long from = Math.clamp(prorationDate, start, end);
        return BigDecimal.valueOf(periodAmount).multiply(BigDecimal.valueOf(end - from))
                .divide(BigDecimal.valueOf(end - start), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
