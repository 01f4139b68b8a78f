package dev.paydeck.sandbox;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Token;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.TokenCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxTokensIntegrationTests extends SandboxTest {

    @Autowired
    JdbcClient jdbc;

    static TokenCreateParams card(String number) {
        return TokenCreateParams.builder().setCard(TokenCreateParams.Card.builder().setNumber(number)
                .setExpMonth("8").setExpYear(String.valueOf(SandboxPaymentMethodsIntegrationTests.nextYear()))
                .setCvc("314").setName("Ada Lovelace").setAddressZip("10115").build()).build();
    }

    static PaymentMethodCreateParams fromToken(String token) {
        return PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD)
                .setCard(PaymentMethodCreateParams.Token.builder().setToken(token).build()).build();
    }

    @Test
    void createsACardTokenKeepingOnlyWhatStripeKeeps() throws Exception {
        Token token = stripe.v1().tokens().create(card("4242424242424242"));

        assertThat(token.getId()).startsWith("tok_");
        assertThat(token.getType()).isEqualTo("card");
        assertThat(token.getUsed()).isFalse();
        assertThat(token.getLivemode()).isFalse();
        assertThat(token.getClientIp()).isNotBlank();
        assertThat(token.getCard().getId()).startsWith("card_");
        assertThat(token.getCard().getBrand()).isEqualTo("Visa");
        assertThat(token.getCard().getLast4()).isEqualTo("4242");
        assertThat(token.getCard().getExpMonth()).isEqualTo(8L);
        assertThat(token.getCard().getExpYear()).isEqualTo(SandboxPaymentMethodsIntegrationTests.nextYear());
        assertThat(token.getCard().getFunding()).isEqualTo("credit");
        assertThat(token.getCard().getCvcCheck()).isEqualTo("unchecked");
        assertThat(token.getCard().getName()).isEqualTo("Ada Lovelace");
        assertThat(token.getCard().getAddressZip()).isEqualTo("10115");
        assertThat(token.getCard().getFingerprint()).isNotBlank();

        Token retrieved = stripe.v1().tokens().retrieve(token.getId());
        assertThat(retrieved.getCard().getId()).isEqualTo(token.getCard().getId());
        String stored = jdbc.sql("select data::text from sandbox.objects where id = ?").param(token.getId())
                .query(String.class).single();
        // Neither the number nor the CVC is kept (the CVC as a JSON value: its digits may occur inside a timestamp).
        assertThat(stored).doesNotContain("4242424242424242").doesNotContainPattern("[\"\\s:]314[\",}]");
    }

    @Test
    void aTokenCanBeMadeWithThePublishableKeyAsStripeJsDoes() throws Exception {
        Token token = clientFor(publishableKey).v1().tokens().create(card("5555555555554444"));

        assertThat(token.getCard().getBrand()).isEqualTo("MasterCard");
        assertThatThrownBy(() -> clientFor(publishableKey).v1().tokens().retrieve(token.getId()))
                .isInstanceOf(com.stripe.exception.PermissionException.class);
    }

    @Test
    void badCardDetailsAreRefusedWithStripesCardErrors() {
        assertThatThrownBy(() -> stripe.v1().tokens().create(card("4242424242424241")))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("incorrect_number");
                    assertThat(error.getParam()).isEqualTo("card[number]");
                });
    }

    @Test
    void aPaymentMethodIsMadeFromATokenWhichIsThenUsedUp() throws Exception {
        Token token = stripe.v1().tokens().create(card("378282246310005"));

        PaymentMethod paymentMethod = stripe.v1().paymentMethods().create(fromToken(token.getId()));

        assertThat(paymentMethod.getId()).startsWith("pm_");
        assertThat(paymentMethod.getCard().getBrand()).isEqualTo("amex");
        assertThat(paymentMethod.getCard().getLast4()).isEqualTo("0005");
        assertThat(paymentMethod.getCard().getExpMonth()).isEqualTo(8L);
        assertThat(paymentMethod.getCard().getFingerprint()).isEqualTo(token.getCard().getFingerprint());
        assertThat(paymentMethod.getBillingDetails().getName()).isEqualTo("Ada Lovelace");
        assertThat(paymentMethod.getBillingDetails().getAddress().getPostalCode()).isEqualTo("10115");
        assertThat(stripe.v1().tokens().retrieve(token.getId()).getUsed()).isTrue();

        assertThatThrownBy(() -> stripe.v1().paymentMethods().create(fromToken(token.getId())))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(400);
                    assertThat(error.getCode()).isEqualTo("token_already_used");
                    assertThat(error.getStripeError().getMessage())
                            .isEqualTo("You cannot use a Stripe token more than once: " + token.getId() + ".");
                });
    }

    @Test
    void anUnknownTokenIsMissing() {
        assertThatThrownBy(() -> stripe.v1().paymentMethods().create(fromToken("tok_nothing")))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(404);
                    assertThat(error.getCode()).isEqualTo("resource_missing");
                    assertThat(error.getStripeError().getMessage()).isEqualTo("No such token: 'tok_nothing'");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "tok_visa, visa, 4242, credit",
            "tok_visa_debit, visa, 5556, debit",
            "tok_mastercard, mastercard, 4444, credit",
            "tok_mastercard_debit, mastercard, 8210, debit",
            "tok_mastercard_prepaid, mastercard, 5100, prepaid",
            "tok_amex, amex, 0005, credit",
            "tok_discover, discover, 1117, credit",
            "tok_diners, diners, 0004, credit",
            "tok_jcb, jcb, 0505, credit",
            "tok_unionpay, unionpay, 0005, credit",
            "tok_chargeDeclined, visa, 0002, credit",
            "tok_chargeDeclinedInsufficientFunds, visa, 9995, credit"})
    void testTokensStandForStripesTestCardsAndCanBeUsedAgainAndAgain(String token, String brand, String last4,
            String funding) throws Exception {
        PaymentMethod first = stripe.v1().paymentMethods().create(fromToken(token));
        PaymentMethod second = stripe.v1().paymentMethods().create(fromToken(token));

        assertThat(first.getCard().getBrand()).isEqualTo(brand);
        assertThat(first.getCard().getLast4()).isEqualTo(last4);
        assertThat(first.getCard().getFunding()).isEqualTo(funding);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(second.getCard().getFingerprint()).isEqualTo(first.getCard().getFingerprint());
    }
}
