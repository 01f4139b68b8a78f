package dev.paydeck.shared;

import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

    private static Money money(long minor, String currency) {
        return new Money(minor, Currency.getInstance(currency));
    }

    @Test
    void formatsForPeoplePerCurrency() {
        assertThat(money(2000, "USD").format()).isEqualTo("$20.00");
        assertThat(money(500, "JPY").format()).isEqualTo("¥500");
        assertThat(money(200_000, "COP").format()).isEqualTo("COP2,000.00");
        assertThat(money(1234, "KWD").format()).isEqualTo("KWD1.234");
    }

    @Test
    void knowsStripesMinimumsAndMaximum() {
        assertThat(money(49, "USD").chargeProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("at least $0.50"));
        assertThat(money(50, "USD").chargeProblem()).isEmpty();
        assertThat(money(50, "JPY").chargeProblem()).isEmpty();
        assertThat(money(49, "JPY").chargeProblem()).isPresent();
        assertThat(money(199_999, "COP").chargeProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("COP2,000.00"));
        assertThat(money(200_000, "COP").chargeProblem()).isEmpty();
        assertThat(money(100_000_000, "USD").chargeProblem()).isPresent();
        assertThat(money(0, "EUR").chargeProblem()).isPresent();
    }

    @Test
    void zeroDecimalCurrenciesCountWholeUnits() {
        assertThat(money(500, "JPY").decimals()).isZero();
        assertThat(money(500, "KRW").major()).isEqualByComparingTo("500");
        assertThat(money(500, "USD").major()).isEqualByComparingTo("5.00");
    }

    @Test
    void onlyRealCurrencies() {
        assertThat(Money.currency("usd")).contains(Currency.getInstance("USD"));
        assertThat(Money.currency("xyz")).isEmpty();
        assertThat(Money.currency("dollars")).isEmpty();
        assertThat(Money.currency(null)).isEmpty();
    }

    @Test
    void neverMixesCurrencies() {
        assertThatThrownBy(() -> money(100, "USD").minus(money(100, "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(money(300, "USD").minus(money(100, "USD"))).isEqualTo(money(200, "USD"));
    }
}
