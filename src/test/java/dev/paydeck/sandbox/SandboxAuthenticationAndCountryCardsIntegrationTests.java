package dev.paydeck.sandbox;

import com.stripe.exception.CardException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupIntent;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SetupIntentCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rest of Stripe's documented test cards (docs.stripe.com/testing): the 3-D Secure "support and availability"
 * and "authentication and setup" cards, and the cards by country, with their test tokens.
 */
class SandboxAuthenticationAndCountryCardsIntegrationTests extends SandboxTest {

    private PaymentIntent pay(String paymentMethod) throws Exception {
        return stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(2000L)
                .setCurrency("eur").addPaymentMethodType("card").setPaymentMethod(paymentMethod).setConfirm(true)
                .build());
    }

    private int completeChallenge(PaymentIntent intent) {
        return send(request("/sandbox/3ds/" + intent.getId() + "/complete")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("client_secret="
                        + URLEncoder.encode(intent.getClientSecret(), StandardCharsets.UTF_8)))).statusCode();
    }

    @Test
    void theThreeDSecureRequiredDeclinedCardIsDeclinedAfterTheCustomerAuthenticates() throws Exception {
        PaymentIntent intent = pay("pm_card_threeDSecureRequiredChargeDeclined");
        assertThat(intent.getStatus()).isEqualTo("requires_action");

        completeChallenge(intent);

        PaymentIntent after = stripe.v1().paymentIntents().retrieve(intent.getId());
        assertThat(after.getStatus()).isEqualTo("requires_payment_method");
        assertThat(after.getLastPaymentError().getCode()).isEqualTo("card_declined");
        assertThat(after.getLastPaymentError().getDeclineCode()).isEqualTo("generic_decline");
    }

    @Test
    void cardsWhereThreeDSecureIsOptionalOrUnsupportedSucceedWithoutAChallenge() throws Exception {
        assertThat(pay("pm_card_threeDSecureOptional").getStatus()).isEqualTo("succeeded");
        assertThat(pay("pm_card_threeDSecureOptionalProcessingError").getStatus()).isEqualTo("succeeded");
        assertThat(pay("pm_card_amex_threeDSecureNotSupported").getStatus()).isEqualTo("succeeded");
        assertThatThrownBy(() -> pay("pm_card_threeDSecureRequiredProcessingError"))
                .isInstanceOfSatisfying(CardException.class, error ->
                        assertThat(error.getCode()).isEqualTo("card_declined"));
    }

    @Test
    void theAlreadySetUpCardAuthenticatesOnSessionButPaysOffSessionWithoutSetup() throws Exception {
        assertThat(pay("pm_card_authenticationRequiredSetupForOffSession").getStatus()).isEqualTo("requires_action");

        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        PaymentMethod card = stripe.v1().paymentMethods().create(SandboxTokensIntegrationTests.fromToken(
                "tok_authenticationRequiredSetupForOffSession"));
        stripe.v1().paymentMethods().attach(card.getId(), PaymentMethodAttachParams.builder()
                .setCustomer(customer.getId()).build());
        PaymentIntent offSession = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("eur").addPaymentMethodType("card").setCustomer(customer.getId())
                .setPaymentMethod(card.getId()).setOffSession(true).setConfirm(true).build());
        assertThat(offSession.getStatus()).isEqualTo("succeeded");
    }

    @Test
    void theInsufficientFundsAuthenticationCardIsDeclinedEvenAfterAuthenticating() throws Exception {
        PaymentIntent intent = pay("pm_card_authenticationRequiredChargeDeclinedInsufficientFunds");
        assertThat(intent.getStatus()).isEqualTo("requires_action");

        completeChallenge(intent);

        assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getLastPaymentError().getDeclineCode())
                .isEqualTo("insufficient_funds");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"us, US, credit", "ar, AR, credit", "at, AT, credit", "nl, NL, credit", "gb_debit, GB, debit",
            "au, AU, credit", "jp, JP, credit", "th, TH, credit", "bypassPendingInternational, IE, credit",
            "th_credit, TH, credit", "th_debit, TH, debit", "ae_mastercard, AE, credit", "gb_mastercard, GB, credit",
            "jcb, JP, credit", "unionpay, CN, credit", "visa_cartesBancaires, FR, credit",
            "mastercard_cartesBancaires, FR, credit", "visa_debit_eftposAuCoBranded, AU, debit",
            "mastercard_debit_eftposAuCoBranded, AU, debit", "debit_visaFsaProductCode, US, debit",
            "debit_visaHsaProductCode, US, debit", "mastercard_debit_mastercardFsaProductCode, US, debit"})
    void cardsByCountryComeFromTheirCountry(String name, String country, String funding) throws Exception {
        PaymentIntent intent = pay("pm_card_" + name);

        assertThat(intent.getStatus()).isEqualTo("succeeded");
        PaymentMethod card = stripe.v1().paymentMethods().create(SandboxTokensIntegrationTests.fromToken("tok_"
                + name));
        assertThat(card.getCard().getCountry()).isEqualTo(country);
        assertThat(card.getCard().getFunding()).isEqualTo(funding);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"4000008400000027, US", "4000000000003220, IE", "4000582600000094, US", "4000582600000045, US",
            "4000582600000102, US", "4000582600000110, US"})
    void threeDSecureRequiredCardsAskForTheChallenge(String number, String country) throws Exception {
        PaymentMethod card = stripe.v1().paymentMethods().create(SandboxPaymentMethodsIntegrationTests.card(number,
                12, SandboxPaymentMethodsIntegrationTests.nextYear(), "123"));
        assertThat(card.getCard().getCountry()).isEqualTo(country);

        PaymentIntent intent = pay(card.getId());

        assertThat(intent.getStatus()).isEqualTo("requires_action");
        completeChallenge(intent);
        assertThat(stripe.v1().paymentIntents().retrieve(intent.getId()).getStatus()).isEqualTo("succeeded");
    }

    @Test
    void theInsufficientFundsAuthenticationCardCanBeSetUpButItsPaymentsAreStillDeclined() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        SetupIntent setup = stripe.v1().setupIntents().create(SetupIntentCreateParams.builder()
                .setCustomer(customer.getId()).addPaymentMethodType("card")
                .setPaymentMethod("pm_card_authenticationRequiredChargeDeclinedInsufficientFunds").setConfirm(true)
                .build());
        assertThat(setup.getStatus()).isEqualTo("requires_action");
        send(request("/sandbox/3ds/" + setup.getId() + "/complete")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("client_secret="
                        + URLEncoder.encode(setup.getClientSecret(), StandardCharsets.UTF_8))));
        SetupIntent done = stripe.v1().setupIntents().retrieve(setup.getId());
        assertThat(done.getStatus()).isEqualTo("succeeded");

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2000L).setCurrency("eur").addPaymentMethodType("card").setCustomer(customer.getId())
                .setPaymentMethod(done.getPaymentMethod()).setOffSession(true).setConfirm(true).build()))
                .isInstanceOfSatisfying(CardException.class, error ->
                        assertThat(error.getDeclineCode()).isEqualTo("insufficient_funds"));
    }
}
