package dev.paydeck.sandbox.balance;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PricingTests {

    @Test
    void aUsAccountPays2point9PercentPlus30CentsAndMoreForInternationalCards() {
        assertThat(Pricing.cardFee("US", "US", 10_000, "usd")).isEqualTo(320);
        assertThat(Pricing.cardFee("US", "BR", 10_000, "usd")).isEqualTo(470);
        // 2.9% of $20.00 is 58¢; half a cent rounds up: 2.9% of $0.50 is 1.45¢ → 1¢, of $0.55 is 1.595¢ → 2¢.
        assertThat(Pricing.cardFee("US", "US", 2000, "usd")).isEqualTo(88);
        assertThat(Pricing.cardFee("US", "US", 50, "usd")).isEqualTo(31);
        assertThat(Pricing.cardFee("US", "US", 55, "usd")).isEqualTo(32);
    }

    @Test
    void ukAndEeaAccountsPayByTheCardsRegion() {
        assertThat(Pricing.cardFee("GB", "GB", 10_000, "gbp")).isEqualTo(170);
        assertThat(Pricing.cardFee("GB", "FR", 10_000, "gbp")).isEqualTo(270);
        assertThat(Pricing.cardFee("GB", "US", 10_000, "gbp")).isEqualTo(345);
        assertThat(Pricing.cardFee("FR", "DE", 10_000, "eur")).isEqualTo(175);
        assertThat(Pricing.cardFee("FR", "GB", 10_000, "eur")).isEqualTo(275);
        assertThat(Pricing.cardFee("DE", "US", 10_000, "eur")).isEqualTo(350);
    }

    @Test
    void theFixedPartOfAZeroDecimalCurrencyIsInWholeUnits() {
        assertThat(Pricing.cardFee("US", "US", 1000, "jpy")).isEqualTo(30);
    }

    @Test
    void aDisputeCostsFifteenDollarsOrTwentyPoundsOrEuros() {
        assertThat(Pricing.disputeFee("US")).isEqualTo(1500);
        assertThat(Pricing.disputeFee("GB")).isEqualTo(2000);
        assertThat(Pricing.disputeFee("NL")).isEqualTo(2000);
    }

    @Test
    void fundsBecomeAvailableAtMidnightUtcAfterThePayoutDelay() {
        long created = Instant.parse("2026-03-10T17:45:12Z").getEpochSecond();
        assertThat(Pricing.availableOn("US", created))
                .isEqualTo(Instant.parse("2026-03-12T00:00:00Z").getEpochSecond());
        assertThat(Pricing.availableOn("GB", created))
                .isEqualTo(Instant.parse("2026-03-13T00:00:00Z").getEpochSecond());
    }

    @Test
    void aTransactionIsPendingUntilItsFundsAreAvailable() {
        assertThat(BalanceTransactionJson.status(1000, 999)).isEqualTo("pending");
        assertThat(BalanceTransactionJson.status(1000, 1000)).isEqualTo("available");
    }
}
