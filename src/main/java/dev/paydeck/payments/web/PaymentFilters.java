package dev.paydeck.payments.web;

import dev.paydeck.payments.PaymentId;
import dev.paydeck.payments.PaymentSearch;
import dev.paydeck.payments.PaymentStatusGroup;
import dev.paydeck.shared.Money;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The payments page's filters as the address carries them ({@code ?status=refunded&q=…&from=2026-12-01}), read into a
 * {@link PaymentSearch}; a value that is not understood becomes a message key for its field (the page says it in
 * plain words) instead of being ignored. Dates are whole days of the page's time zone, {@code to} included.
 */
record PaymentFilters(String status, String q, String customer, String from, String to, String min, String max,
                      String currency, String after) {

    /** The page size of the list. */
    static final int PAGE = 25;

    /** A search, or the fields it could not read (field → message key). */
    record Read(PaymentSearch search, Map<String, String> errors) {
    }

    Read read(ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        PaymentStatusGroup group = null;
        if (present(status)) {
            group = PaymentStatusGroup.parse(status.strip()).orElse(null);
            if (group == null) {
                errors.put("status", "payments.filter.status.unknown");
            }
        }
        OffsetDateTime createdFrom = day(from, zone, errors, "from").orElse(null);
        OffsetDateTime createdBefore = day(to, zone, errors, "to").map(day -> day.plusDays(1)).orElse(null);
        if (createdFrom != null && createdBefore != null && !createdFrom.isBefore(createdBefore)) {
            errors.put("to", "payments.filter.to.before-from");
        }
        Currency money = null;
        if (present(min) || present(max)) {
            money = present(currency) ? Money.currency(currency.strip()).orElse(null) : null;
            if (money == null) {
                errors.put("currency", "payments.filter.currency.unknown");
            }
        }
        Money minimum = money == null ? null : amount(min, money, errors, "min");
        Money maximum = money == null ? null : amount(max, money, errors, "max");
        if (minimum != null && maximum != null && minimum.isGreaterThan(maximum)) {
            errors.put("max", "payments.filter.max.below-min");
        }
        PaymentId startingAfter = null;
        if (present(after)) {
            try {
                startingAfter = new PaymentId(UUID.fromString(after.strip()));
            } catch (IllegalArgumentException e) {
                errors.put("after", "payments.filter.after.unknown");
            }
        }
        if (!errors.isEmpty()) {
            return new Read(null, errors);
        }
        return new Read(new PaymentSearch(group, q, customer, createdFrom, createdBefore, minimum, maximum, PAGE + 1,
                startingAfter), errors);
    }

    /** Whether any filter is set (an empty list then says that nothing matched, not that there are no payments). */
    boolean any() {
        return present(status) || present(q) || present(customer) || present(from) || present(to) || present(min)
                || present(max);
    }

    private static Optional<OffsetDateTime> day(String text, ZoneId zone, Map<String, String> errors, String field) {
        if (!present(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()).atStartOfDay(zone).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            errors.put(field, "payments.filter.date.invalid");
            return Optional.empty();
        }
    }

    private static Money amount(String text, Currency currency, Map<String, String> errors, String field) {
        if (!present(text)) {
            return null;
        }
        Optional<Money> amount = AmountInput.parse(text, currency);
        if (amount.isEmpty()) {
            errors.put(field, "payments.filter.amount.invalid");
        }
        return amount.orElse(null);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
