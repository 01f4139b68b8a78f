package dev.paydeck.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An amount of money: {@code long} minor units of an ISO currency, as Stripe counts them. Stripe's rules live here,
 * once: its zero-decimal currencies (amounts in whole units: ¥500 is {@code 500}), the smallest amount it charges
 * per currency (USD 0.50 is {@code 50}; COP 2,000.00 is {@code 200000}), its eight-digit maximum, and how to show an
 * amount to a person.
 */
public record Money(long minor, Currency currency) {

    /** Stripe's maximum: eight digits of minor units. */
    public static final long MAXIMUM_MINOR = 99_999_999L;

    /** Currencies Stripe takes in whole units (no cents). */
    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");

    /** Currencies Stripe counts in thousandths. */
    private static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    /** Stripe's minimum charge per currency, in minor units (Stripe's documentation; COP from reference 003). */
    private static final Map<String, Long> MINIMUM_CHARGE = Map.ofEntries(
            Map.entry("USD", 50L), Map.entry("EUR", 50L), Map.entry("GBP", 30L), Map.entry("JPY", 50L),
            Map.entry("COP", 200_000L), Map.entry("AED", 200L), Map.entry("AUD", 50L), Map.entry("BGN", 100L),
            Map.entry("BRL", 50L), Map.entry("CAD", 50L), Map.entry("CHF", 50L), Map.entry("CZK", 1_500L),
            Map.entry("DKK", 250L), Map.entry("HKD", 400L), Map.entry("HUF", 17_500L), Map.entry("INR", 50L),
            Map.entry("MXN", 1_000L), Map.entry("MYR", 200L), Map.entry("NOK", 300L), Map.entry("NZD", 50L),
            Map.entry("PLN", 200L), Map.entry("RON", 200L), Map.entry("SEK", 300L), Map.entry("SGD", 50L),
            Map.entry("THB", 1_000L));

    /** What {@link #parse} reads: a sign, up to twelve digits, a decimal mark and up to three more. */
    private static final Pattern TYPED = Pattern.compile("-?[0-9]{1,12}([.,][0-9]{1,3})?");

    public Money {
        if (currency == null) {
            throw new IllegalArgumentException("currency is required");
        }
    }

    /** An amount in the currency of an ISO code in any case, as Stripe or a table wrote it ({@code usd}). */
    public static Money of(long minor, String currencyCode) {
        return new Money(minor, currency(currencyCode).orElseThrow(() -> new IllegalArgumentException(
                "'" + currencyCode + "' is not an ISO currency code")));
    }

    /**
     * An amount as a person types it, in major units with either decimal mark ({@code 12.50}, {@code 12,5},
     * {@code -3}; spaces ignored, no thousands separators), in this currency; empty when it is no such number or has
     * more digits after the mark than the currency ({@code 12.505} USD, {@code 5.5} JPY, and {@code 1,000} USD, which
     * may have meant a thousand). Callers say which signs and sizes they take.
     */
    public static Optional<Money> parse(String typed, Currency currency) {
        if (typed == null) {
            return Optional.empty();
        }
        String plain = typed.strip().replace(" ", "").replace("\u00a0", "");
        if (!TYPED.matcher(plain).matches()) {
            return Optional.empty();
        }
        Money zero = new Money(0, currency);
        BigDecimal major = new BigDecimal(plain.replace(',', '.'));
        if (major.scale() > zero.decimals()) {
            return Optional.empty();
        }
        return Optional.of(zero.withMinor(major.movePointRight(zero.decimals()).longValueExact()));
    }

    /** The same currency, another amount. */
    public Money withMinor(long otherMinor) {
        return new Money(otherMinor, currency);
    }

    @JsonIgnore
    public boolean isPositive() {
        return minor > 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    /** The currency for an ISO code in any case ({@code usd}, {@code COP}); empty if there is none. */
    public static Optional<Currency> currency(String code) {
        if (code == null || !code.matches("^[A-Za-z]{3}$")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Currency.getInstance(code.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Digits after the decimal point in Stripe's minor units (0 for JPY, 3 for KWD, else 2). */
    public int decimals() {
        String code = currency.getCurrencyCode();
        return ZERO_DECIMAL.contains(code) ? 0 : THREE_DECIMAL.contains(code) ? 3 : 2;
    }

    public Money minimumCharge() {
        return new Money(MINIMUM_CHARGE.getOrDefault(currency.getCurrencyCode(), 1L), currency);
    }

    /** Why Stripe would refuse to charge this amount, if it would. */
    public Optional<String> chargeProblem() {
        if (minor < 1) {
            return Optional.of("must be a positive amount in the currency's smallest unit");
        }
        if (minor > MAXIMUM_MINOR) {
            return Optional.of("must be at most " + new Money(MAXIMUM_MINOR, currency).format() + " (Stripe's maximum)");
        }
        if (minor < minimumCharge().minor()) {
            return Optional.of("must be at least " + minimumCharge().format() + " (Stripe's minimum for "
                    + currency.getCurrencyCode() + ")");
        }
        return Optional.empty();
    }

    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return minor > other.minor;
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public BigDecimal major() {
        return BigDecimal.valueOf(minor).movePointLeft(decimals());
    }

    /** For people, in English: {@code $20.00}, {@code ¥500}, {@code COP 2,000.00}. */
    public String format() {
        return format(Locale.US);
    }

    /**
     * For people who read this locale: {@code $12.50} in English, {@code 12,50 €} in Spanish and French,
     * {@code 2.000,00 COP} in Spanish; always with the currency's own digits after the point (Stripe's).
     */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(decimals());
        format.setMaximumFractionDigits(decimals());
        return format.format(major());
    }

    /** The lowercase code Stripe's API uses. */
    public String stripeCurrency() {
        return currency.getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return format();
    }
}
