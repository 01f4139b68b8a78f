package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.StripeError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CurrenciesTests {

    @Test
    void minimumsPerCurrency() {
        assertThatThrownBy(() -> Currencies.checkChargeAmount(49, "usd", "amount"))
                .isInstanceOfSatisfying(StripeError.class, error -> {
                    assertThat(error.code()).isEqualTo("amount_too_small");
                    assertThat(error.getMessage()).isEqualTo("Amount must be at least $0.50 usd");
                });
        assertThatNoException().isThrownBy(() -> Currencies.checkChargeAmount(50, "usd", "amount"));
        assertThatThrownBy(() -> Currencies.checkChargeAmount(29, "gbp", "amount")).isInstanceOf(StripeError.class);
        assertThatNoException().isThrownBy(() -> Currencies.checkChargeAmount(30, "gbp", "amount"));
        assertThatThrownBy(() -> Currencies.checkChargeAmount(199_999, "cop", "amount"))
                .hasMessage("Amount must be at least $2,000.00 cop");
        assertThatNoException().isThrownBy(() -> Currencies.checkChargeAmount(200_000, "cop", "amount"));
        assertThatThrownBy(() -> Currencies.checkChargeAmount(100_000_000, "usd", "amount"))
                .isInstanceOfSatisfying(StripeError.class, error -> assertThat(error.code())
                        .isEqualTo("amount_too_large"));
        assertThatThrownBy(() -> Currencies.checkChargeAmount(0, "usd", "amount")).isInstanceOf(StripeError.class);
    }

    @Test
    void zeroDecimalCurrenciesAreWholeUnits() {
        assertThat(Currencies.zeroDecimal("jpy")).isTrue();
        assertThat(Currencies.zeroDecimal("krw")).isTrue();
        assertThat(Currencies.zeroDecimal("usd")).isFalse();
        assertThat(Currencies.format(50, "jpy")).isEqualTo("¥50");
        assertThat(Currencies.format(123456, "usd")).isEqualTo("$1,234.56");
        assertThat(Currencies.format(1500, "chf")).isEqualTo("CHF 15.00");
        assertThat(Currencies.format(123456789, "jpy")).isEqualTo("¥123,456,789");
        assertThat(Currencies.format(5, "usd")).isEqualTo("$0.05");
        assertThat(Currencies.format(-100050, "usd")).isEqualTo("$-1,000.50");
        assertThat(Currencies.format(1234567, "kwd")).as("three decimals").isEqualTo("KWD 1,234.567");
    }

    @Test
    void unknownCurrenciesAreRefused() {
        assertThat(Currencies.require("EUR", "currency")).isEqualTo("eur");
        assertThatThrownBy(() -> Currencies.require("xyz", "currency"))
                .hasMessageStartingWith("Invalid currency: xyz. Stripe currently supports these currencies: usd,");
    }
}
