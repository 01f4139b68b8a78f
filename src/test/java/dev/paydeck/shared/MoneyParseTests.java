package dev.paydeck.shared;

import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts as people type them into Paydeck's forms (new payment, refund, filters, prices). */
class MoneyParseTests {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    @Test
    void readsAmountsAsPeopleWriteThemIntoMinorUnits() {
        assertThat(Money.parse("12.50", USD)).contains(Money.of(1250, "USD"));
        assertThat(Money.parse("12,5", USD)).contains(Money.of(1250, "USD"));
        assertThat(Money.parse(" 1 200 ", USD)).contains(Money.of(120_000, "USD"));
        assertThat(Money.parse("500", JPY)).contains(Money.of(500, "JPY"));
        assertThat(Money.parse("1.234", KWD)).contains(Money.of(1234, "KWD"));
        assertThat(Money.parse("0", USD)).contains(Money.of(0, "USD"));
        assertThat(Money.parse("-3", USD)).contains(Money.of(-300, "USD"));
    }

    @Test
    void refusesWhatIsNoAmountOfTheCurrency() {
        assertThat(Money.parse("twelve", USD)).isEmpty();
        assertThat(Money.parse("", USD)).isEmpty();
        assertThat(Money.parse(null, USD)).isEmpty();
        assertThat(Money.parse("12.505", USD)).isEmpty();
        assertThat(Money.parse("12.5", JPY)).isEmpty();
        assertThat(Money.parse("1e3", USD)).isEmpty();
        assertThat(Money.parse("1,000.00", USD)).isEmpty();
        // A thousand, or one dollar? Neither: more digits after the mark than the currency has.
        assertThat(Money.parse("1,000", USD)).isEmpty();
        assertThat(Money.parse("9999999999999", USD)).isEmpty();
    }
}
