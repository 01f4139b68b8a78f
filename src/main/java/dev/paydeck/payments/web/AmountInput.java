package dev.paydeck.payments.web;

import dev.paydeck.shared.Money;

import java.util.Currency;
import java.util.Optional;

/**
 * An amount typed by a person ({@link Money#parse}) for the filters and the refund dialog: none below zero, none
 * above Stripe's maximum.
 */
final class AmountInput {

    private AmountInput() {
    }

    static Optional<Money> parse(String text, Currency currency) {
        return Money.parse(text, currency).filter(amount -> amount.minor() >= 0
                && amount.minor() <= Money.MAXIMUM_MINOR);
    }

    /** The amount as a person of this locale types it (no grouping): {@code 12.50}, {@code 12,50}. */
    static String plain(Money money, java.util.Locale locale) {
        return money.major().toPlainString().replace('.',
                java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator());
    }
}
