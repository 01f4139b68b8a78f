package dev.paydeck.sandbox.paymentmethods;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestCardsTests {

    @Test
    void luhnAcceptsStripesTestNumbersAndRefusesTypos() {
        assertThat(TestCards.luhn("4242424242424242")).isTrue();
        assertThat(TestCards.luhn("5555555555554444")).isTrue();
        assertThat(TestCards.luhn("4000002760003184")).isTrue();
        assertThat(TestCards.luhn("4242424242424241")).isFalse();
        assertThat(TestCards.luhn("4242")).isFalse();
        assertThat(TestCards.luhn("42424242424242a2")).isFalse();
    }

    @Test
    void theTableSaysWhatEachCardDoes() {
        assertThat(TestCards.forNumber("4242424242424242").declines()).isFalse();
        assertThat(TestCards.forNumber("4000000000000002").decline().declineCode()).isEqualTo("generic_decline");
        assertThat(TestCards.forNumber("4000000000009995").decline().message())
                .isEqualTo("Your card has insufficient funds.");
        assertThat(TestCards.forNumber("4000000000000069").decline().code()).isEqualTo("expired_card");
        assertThat(TestCards.forNumber("4000000000000127").decline().code()).isEqualTo("incorrect_cvc");
        assertThat(TestCards.forNumber("4000000000000119").decline().code()).isEqualTo("processing_error");
        assertThat(TestCards.forNumber("4000002500003155").authentication())
                .isEqualTo(TestCards.Authentication.UNLESS_SET_UP);
        assertThat(TestCards.forNumber("4000002760003184").authentication())
                .isEqualTo(TestCards.Authentication.ALWAYS);
        assertThat(TestCards.forNumber("378282246310005").brand()).isEqualTo("amex");
        assertThat(TestCards.byKey(TestCards.forNumber("5555555555554444").key()).brand()).isEqualTo("mastercard");
    }

    @Test
    void tokensNameTheirCards() {
        assertThat(TestCards.numberForToken("pm_card_visa")).contains("4242424242424242");
        assertThat(TestCards.numberForToken("pm_card_chargeDeclinedInsufficientFunds")).contains("4000000000009995");
        assertThat(TestCards.numberForToken("pm_card_authenticationRequired")).contains("4000002760003184");
        assertThat(TestCards.numberForToken("pm_card_nothing")).isEmpty();
    }

    @Test
    void everyTestTokenHasBothFormsAndNamesALuhnValidCardOfItsBrand() {
        assertThat(TestCards.tokens()).contains("tok_visa", "tok_mastercard", "tok_amex", "tok_chargeDeclined",
                "tok_chargeDeclinedInsufficientFunds", "pm_card_visa_chargeDeclined", "pm_card_visa_debit");
        for (String token : TestCards.tokens()) {
            String number = TestCards.numberForToken(token).orElseThrow();
            assertThat(TestCards.luhn(number)).as(token).isTrue();
            assertThat(TestCards.forNumber(number).brand()).as(token).isEqualTo(TestCards.brand(number));
            if (TestCards.tokenOnly(token).isPresent()) {
                continue; // Stripe documents these as tokens only
            }
            String twin = token.startsWith("tok_") ? "pm_card_" + token.substring(4) : "tok_" + token.substring(8);
            assertThat(TestCards.numberForToken(twin)).as(token).contains(number);
        }
    }

    @Test
    void tokTokensBehaveAsTheirCards() {
        assertThat(TestCards.forNumber(TestCards.numberForToken("tok_visa_debit").orElseThrow()).funding())
                .isEqualTo("debit");
        assertThat(TestCards.forNumber(TestCards.numberForToken("tok_mastercard_prepaid").orElseThrow()).funding())
                .isEqualTo("prepaid");
        assertThat(TestCards.forNumber(TestCards.numberForToken("tok_chargeDeclinedLostCard").orElseThrow())
                .decline().declineCode()).isEqualTo("lost_card");
        assertThat(TestCards.forNumber(TestCards.numberForToken("tok_chargeDeclinedFraudulent").orElseThrow())
                .decline().declineCode()).isEqualTo("fraudulent");
        assertThat(TestCards.forNumber(TestCards.numberForToken("tok_chargeCustomerFail").orElseThrow())
                .decline().declineCode()).isEqualTo("generic_decline");
        assertThat(TestCards.tokenOnly("tok_visa_chargeCustomerFailStolenCard").orElseThrow().decline()
                .declineCode()).isEqualTo("stolen_card");
    }

    @Test
    void onlyIssuerDeclinesRefuseToBeAttachedOrSetUp() {
        assertThat(TestCards.forNumber("4000000000000002").declinesAttaching()).isTrue();
        assertThat(TestCards.forNumber("4000000000009987").declinesAttaching()).isTrue();
        assertThat(TestCards.forNumber("4000000000000341").declinesAttaching()).isFalse();
        assertThat(TestCards.forNumber("4000000000000341").declinesSetup()).isFalse();
        assertThat(TestCards.forNumber("4100000000000019").declinesAttaching()).isFalse();
        assertThat(TestCards.forNumber("4000008260003178").declinesSetup()).isFalse();
        assertThat(TestCards.forNumber("4000000000000002").declinesSetup()).isTrue();
        assertThat(TestCards.forNumber("4242424242424242").declinesAttaching()).isFalse();
    }

    @Test
    void theCvcCheckFailCardDeclinesOnlyWhenACvcIsGiven() {
        TestCards.Card card = TestCards.forNumber("4000000000000101");

        assertThat(card.given(false).declines()).isFalse();
        assertThat(card.given(true).decline().code()).isEqualTo("incorrect_cvc");
        assertThat(card.given(true).has(TestCards.Effect.CVC_CHECK_FAIL)).isTrue();
        assertThat(TestCards.forNumber("4242424242424242").given(true).declines()).isFalse();
    }

    @Test
    void radarBlocksTheHighestRiskCardsAndLetsTheElevatedOneThrough() {
        assertThat(TestCards.forNumber("4000000000004954").decline().declineCode()).isEqualTo("fraudulent");
        assertThat(TestCards.forNumber("4000000000004954").has(TestCards.Effect.RISK_HIGHEST)).isTrue();
        assertThat(TestCards.forNumber("4000000000009235").declines()).isFalse();
        assertThat(TestCards.numberForToken("tok_riskLevelElevated")).contains("4000000000009235");
        assertThat(TestCards.numberForToken("pm_card_createIssuerFraudRecord")).contains("4000000000005423");
    }
}
