package dev.paydeck.billing.web;

import dev.paydeck.billing.Price;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.mirror.StripeCodes;
import org.springframework.validation.BindingResult;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The price fields the pages' forms share (the new product's first price, a product's new price): the amount as a
 * person types it, the currency, and how often it is charged ({@code one_time}, or every {@code intervalCount}
 * {@code day}s, {@code week}s, {@code month}s or {@code year}s). Errors are put at their field.
 */
final class PriceFields {

    static final List<String> BILLING = List.of("one_time", "month", "year", "week", "day");
    static final List<String> CURRENCIES = List.of("usd", "eur", "gbp", "jpy", "cop", "mxn", "cad", "aud", "chf");

    private PriceFields() {
    }

    /** The amount in the currency, or an error at {@code amount}/{@code currency}. */
    static Optional<Money> amount(String amount, String currency, BindingResult errors) {
        Optional<Currency> known = currency == null ? Optional.empty() : Money.currency(currency.strip());
        if (known.isEmpty()) {
            errors.rejectValue("currency", "products.currency.invalid");
            return Optional.empty();
        }
        Optional<Money> parsed = Money.parse(amount, known.get());
        if (parsed.isEmpty() || parsed.get().minor() < 0 || parsed.get().minor() > Money.MAXIMUM_MINOR) {
            errors.rejectValue("amount", "products.amount.invalid");
            return Optional.empty();
        }
        return parsed;
    }

    /** How often, or an error at {@code intervalCount}; null for a one-time price. */
    static Optional<Price.Recurring> recurring(String billing, Integer intervalCount, BindingResult errors) {
        if (billing == null || !BILLING.contains(billing)) {
            errors.rejectValue("billing", "products.billing.invalid");
            return Optional.empty();
        }
        if (billing.equals("one_time")) {
            return Optional.empty();
        }
        Price.Recurring recurring = new Price.Recurring(StripeCodes.of(Price.Interval.class, billing),
                intervalCount == null ? 1 : intervalCount);
        if (!PricesApiController.withinThreeYears(recurring)) {
            errors.rejectValue("intervalCount", "products.interval-count.invalid");
            return Optional.empty();
        }
        return Optional.of(recurring);
    }
}
