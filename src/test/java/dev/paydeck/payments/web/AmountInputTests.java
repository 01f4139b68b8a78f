package dev.paydeck.payments.web;

import dev.paydeck.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts as people type them in the filters and the refund dialog, read as minor units of the currency. */
class AmountInputTests {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    @Test
    void eitherDecimalMarkIsReadInTheCurrencysMinorUnits() {
        assertThat(AmountInput.parse("12.50", EUR)).contains(Money.of(1_250, "EUR"));
        assertThat(AmountInput.parse("12,5", EUR)).contains(Money.of(1_250, "EUR"));
        assertThat(AmountInput.parse(" 7 ", EUR)).contains(Money.of(700, "EUR"));
        assertThat(AmountInput.parse("500", JPY)).contains(Money.of(500, "JPY"));
        assertThat(AmountInput.parse("0", EUR)).contains(Money.of(0, "EUR"));
    }

    @Test
    void whatIsNotSuchANumberIsRefused() {
        for (String text : new String[] {"", "five", "-5", "1e3", "1,000.00", "€5", "12.505", "5.5", "999999999999"}) {
            Currency currency = text.equals("5.5") ? JPY : EUR;
            assertThat(AmountInput.parse(text, currency)).as(text).isEmpty();
        }
        assertThat(AmountInput.parse(null, EUR)).isEmpty();
    }

    @Test
    void anAmountIsWrittenBackWithTheLanguagesDecimalMark() {
        assertThat(AmountInput.plain(Money.of(2_050, "EUR"), Locale.ENGLISH)).isEqualTo("20.50");
        assertThat(AmountInput.plain(Money.of(2_050, "EUR"), Locale.FRENCH)).isEqualTo("20,50");
        assertThat(AmountInput.plain(Money.of(500, "JPY"), Locale.FRENCH)).isEqualTo("500");
    }
}
