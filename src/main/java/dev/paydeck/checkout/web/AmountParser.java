package dev.paydeck.checkout.web;

import dev.paydeck.shared.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/**
 * Reads an amount as a person types it into minor units of the currency: {@code 12.50} or {@code 12,50}; the
 * currency's own digits after the point at most (none for JPY). Empty when it is no such number.
 */
final class AmountParser {

    private AmountParser() {
    }

    static Optional<Money> parse(String text, Currency currency) {
        if (text == null) {
            return Optional.empty();
        }
        String plain = text.strip().replace(" ", "").replace("\u00a0", "");
        if (!plain.matches("^-?[0-9]{1,12}([.,][0-9]{1,3})?$")) {
            return Optional.empty();
        }
        Money zero = new Money(0, currency);
        BigDecimal major = new BigDecimal(plain.replace(',', '.'));
        if (major.scale() > zero.decimals()) {
            return Optional.empty();
        }
        return Optional.of(zero.withMinor(major.movePointRight(zero.decimals()).longValueExact()));
    }
}
