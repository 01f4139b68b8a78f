package dev.paydeck.checkout.web;

import dev.paydeck.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

class AmountParserTests {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final Currency KWD = Currency.getInstance("KWD");

    @Test
    void readsAmountsAsPeopleWriteThemIntoMinorUnits() {
        assertThat(AmountParser.parse("12.50", USD)).contains(Money.of(1250, "USD"));
        assertThat(AmountParser.parse("12,5", USD)).contains(Money.of(1250, "USD"));
        assertThat(AmountParser.parse(" 1 200 ", USD)).contains(Money.of(120_000, "USD"));
        assertThat(AmountParser.parse("500", JPY)).contains(Money.of(500, "JPY"));
        assertThat(AmountParser.parse("1.234", KWD)).contains(Money.of(1234, "KWD"));
        assertThat(AmountParser.parse("0", USD)).contains(Money.of(0, "USD"));
        assertThat(AmountParser.parse("-3", USD)).contains(Money.of(-300, "USD"));
    }

    @Test
    void refusesWhatIsNoAmountOfTheCurrency() {
        assertThat(AmountParser.parse("twelve", USD)).isEmpty();
        assertThat(AmountParser.parse("", USD)).isEmpty();
        assertThat(AmountParser.parse(null, USD)).isEmpty();
        assertThat(AmountParser.parse("12.505", USD)).isEmpty();
        assertThat(AmountParser.parse("12.5", JPY)).isEmpty();
        assertThat(AmountParser.parse("1e3", USD)).isEmpty();
        assertThat(AmountParser.parse("1,000.00", USD)).isEmpty();
        assertThat(AmountParser.parse("9999999999999", USD)).isEmpty();
    }
}
