package dev.paydeck.payments.web;

import dev.paydeck.shared.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An amount typed by a person, in major units and either decimal mark ({@code 12.50} or {@code 12,50}), read as
 * {@link Money} in a currency; empty when it is not such a number (no sign, no thousands separators, no more decimals
 * than the currency has).
 */
final class AmountInput {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,12}([.,]\\d{1,4})?");

    private AmountInput() {
    }

    static Optional<Money> parse(String text, Currency currency) {
        if (text == null || !NUMBER.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        BigDecimal major = new BigDecimal(text.strip().replace(',', '.'));
        int decimals = new Money(0, currency).decimals();
        if (major.stripTrailingZeros().scale() > decimals) {
            return Optional.empty();
        }
        BigDecimal minor = major.movePointRight(decimals);
        if (minor.compareTo(BigDecimal.valueOf(Money.MAXIMUM_MINOR)) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Money(minor.longValueExact(), currency));
    }

    /** The amount as a person of this locale types it (no grouping): {@code 12.50}, {@code 12,50}. */
    static String plain(Money money, java.util.Locale locale) {
        return money.major().toPlainString().replace('.',
                java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator());
    }
}
