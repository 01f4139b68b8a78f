package dev.paydeck.sandbox.stripejs;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** How the demo shows an amount in minor units: {@code 2000 usd} → "20.00 USD", {@code 500 jpy} → "500 JPY". */
final class Money {

    private Money() {
    }

    static String display(long minorUnits, String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            digits = 2;
        }
        return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + code;
    }
}
