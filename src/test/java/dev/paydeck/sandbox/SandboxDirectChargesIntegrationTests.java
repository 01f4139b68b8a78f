package dev.paydeck.sandbox;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Card;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.Token;
import com.stripe.param.ChargeCaptureParams;
import com.stripe.param.ChargeCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerPaymentSourceCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxDirectChargesIntegrationTests extends SandboxTest {

    static ChargeCreateParams.Builder charge(long amount, String currency) {
        return ChargeCreateParams.builder().setAmount(amount).setCurrency(currency);
    }

    @Test
    void chargesATokenDirectly() throws Exception {
        Token token = stripe.v1().tokens().create(SandboxTokensIntegrationTests.card("4242424242424242"));

        Charge charge = stripe.v1().charges().create(charge(2000, "usd").setSource(token.getId())
                .setDescription("Order 7").putMetadata("order", "7").build());

        assertThat(charge.getId()).startsWith("ch_");
        assertThat(charge.getStatus()).isEqualTo("succeeded");
        assertThat(charge.getPaid()).isTrue();
        assertThat(charge.getCaptured()).isTrue();
        assertThat(charge.getAmount()).isEqualTo(2000L);
        assertThat(charge.getAmountCaptured()).isEqualTo(2000L);
        assertThat(charge.getCurrency()).isEqualTo("usd");
        assertThat(charge.getDescription()).isEqualTo("Order 7");
        assertThat(charge.getMetadata()).containsEntry("order", "7");
        assertThat(charge.getPaymentIntent()).isNull();
        assertThat(charge.getCustomer()).isNull();
        assertThat(charge.getPaymentMethod()).isEqualTo(token.getCard().getId());
        assertThat(charge.getBillingDetails().getName()).isEqualTo("Ada Lovelace");
        assertThat(charge.getBillingDetails().getAddress().getPostalCode()).isEqualTo("10115");
        assertThat(charge.getPaymentMethodDetails().getType()).isEqualTo("card");
        assertThat(charge.getPaymentMethodDetails().getCard().getBrand()).isEqualTo("visa");
        assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");
        assertThat(charge.getPaymentMethodDetails().getCard().getChecks().getCvcCheck()).isEqualTo("pass");
        assertThat(charge.getOutcome().getType()).isEqualTo("authorized");
        assertThat(stripe.v1().charges().retrieve(charge.getId()).getStatus()).isEqualTo("succeeded");
        assertThat(stripe.v1().events().list().getData()).extracting(Event::getType).contains("charge.succeeded");
    }

    @Test
    void aTokenChargedOnceCannotBeChargedAgain() throws Exception {
        Token token = stripe.v1().tokens().create(SandboxTokensIntegrationTests.card("4242424242424242"));
        stripe.v1().charges().create(charge(2000, "usd").setSource(token.getId()).build());

        assertThatThrownBy(() -> stripe.v1().charges().create(charge(2000, "usd").setSource(token.getId()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(400);
                    assertThat(error.getCode()).isEqualTo("token_already_used");
                    assertThat(error.getStripeError().getParam()).isEqualTo("source");
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "tok_chargeDeclined, card_declined, generic_decline",
            "tok_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
            "tok_chargeDeclinedLostCard, card_declined, lost_card",
            "tok_chargeDeclinedStolenCard, card_declined, stolen_card",
            "tok_chargeDeclinedExpiredCard, expired_card, expired_card",
            "tok_chargeDeclinedIncorrectCvc, incorrect_cvc, incorrect_cvc",
            "tok_chargeDeclinedProcessingError, processing_error, processing_error",
            "tok_chargeDeclinedFraudulent, card_declined, fraudulent",
            "tok_chargeCustomerFail, card_declined, generic_decline",
            "tok_visa_chargeCustomerFail, card_declined, generic_decline",
            "tok_visa_chargeCustomerFailLostCard, card_declined, lost_card",
            "tok_visa_chargeCustomerFailStolenCard, card_declined, stolen_card",
            "tok_visa_debit_chargeDeclinedInsufficientFunds, card_declined, insufficient_funds",
            "tok_visa_chargeDeclinedFraudulent, card_declined, fraudulent",
            "tok_threeDSecure2Required, authentication_required, authentication_required"})
    void declinesAsTheTestCardsDeclineLeavingAFailedCharge(String token, String code, String declineCode)
            throws Exception {
        assertThatThrownBy(() -> stripe.v1().charges().create(charge(1500, "eur").setSource(token).build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getCode()).isEqualTo(code);
                    assertThat(error.getDeclineCode()).isEqualTo(declineCode);
                    String chargeId = error.getCharge();
                    assertThat(chargeId).startsWith("ch_");
                    Charge failed = retrieve(chargeId);
                    assertThat(failed.getStatus()).isEqualTo("failed");
                    assertThat(failed.getPaid()).isFalse();
                    assertThat(failed.getCaptured()).isFalse();
                    assertThat(failed.getFailureCode()).isEqualTo(code);
                    if ("fraudulent".equals(declineCode)) {
                        // Radar blocks the highest risk before the card network sees the payment.
                        assertThat(failed.getOutcome().getType()).isEqualTo("blocked");
                        assertThat(failed.getOutcome().getReason()).isEqualTo("highest_risk_level");
                    } else {
                        assertThat(failed.getOutcome().getType()).isEqualTo("issuer_declined");
                        assertThat(failed.getOutcome().getReason()).isEqualTo(declineCode);
                    }
                });
        assertThat(eventTypes()).contains("charge.failed");
    }

    @Test
    void anAuthorizedChargeIsCapturedLaterOnce() throws Exception {
        Charge authorized = stripe.v1().charges().create(charge(5000, "usd").setSource("tok_visa").setCapture(false)
                .build());
        assertThat(authorized.getStatus()).isEqualTo("succeeded");
        assertThat(authorized.getPaid()).isTrue();
        assertThat(authorized.getCaptured()).isFalse();
        assertThat(authorized.getAmountCaptured()).isZero();

        Charge captured = stripe.v1().charges().capture(authorized.getId(),
                ChargeCaptureParams.builder().setAmount(4000L).build());

        assertThat(captured.getCaptured()).isTrue();
        assertThat(captured.getAmountCaptured()).isEqualTo(4000L);
        assertThat(eventTypes()).containsSubsequence("charge.captured", "charge.succeeded");
        assertThatThrownBy(() -> stripe.v1().charges().capture(authorized.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("charge_already_captured");
                    assertThat(error.getStripeError().getMessage())
                            .isEqualTo("Charge " + authorized.getId() + " has already been captured.");
                });
    }

    @Test
    void aDirectChargeIsRefundedLikeAnyCharge() throws Exception {
        Charge charge = stripe.v1().charges().create(charge(3000, "usd").setSource("tok_mastercard").build());

        var refund = stripe.v1().refunds().create(com.stripe.param.RefundCreateParams.builder()
                .setCharge(charge.getId()).setAmount(1000L).build());

        assertThat(refund.getCharge()).isEqualTo(charge.getId());
        assertThat(refund.getPaymentIntent()).isNull();
        Charge refunded = stripe.v1().charges().retrieve(charge.getId());
        assertThat(refunded.getAmountRefunded()).isEqualTo(1000L);
        assertThat(refunded.getRefunded()).isFalse();
    }

    @Test
    void aCaptureIsRefusedForMoreThanWasAuthorized() throws Exception {
        Charge authorized = stripe.v1().charges().create(charge(5000, "usd").setSource("tok_visa").setCapture(false)
                .build());

        assertThatThrownBy(() -> stripe.v1().charges().capture(authorized.getId(),
                ChargeCaptureParams.builder().setAmount(6000L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getCode()).isEqualTo("amount_too_large"));
    }

    /**
     * "Decline after attaching": the lost and stolen card tokens are added to a customer as Stripe adds them, and
     * fail when the customer is charged; the cards that simulate issuer declines cannot be added at all.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"tok_visa_chargeCustomerFailLostCard, lost_card", "tok_visa_chargeCustomerFailStolenCard, stolen_card",
            "tok_visa_chargeCustomerFail, generic_decline"})
    void declineAfterAttachingCardsAreAddedToACustomerAndFailWhenCharged(String token, String declineCode)
            throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        Card card = (Card) stripe.v1().customers().paymentSources().create(customer.getId(),
                CustomerPaymentSourceCreateParams.builder().setSource(token).build());
        assertThat(card.getLast4()).isEqualTo("0341");

        assertThatThrownBy(() -> stripe.v1().charges().create(charge(1000, "usd").setCustomer(customer.getId())
                .build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("card_declined");
                    assertThat(error.getDeclineCode()).isEqualTo(declineCode);
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"tok_chargeDeclined, card_declined, generic_decline",
            "tok_visa_chargeDeclinedLostCard, card_declined, lost_card",
            "tok_chargeDeclinedExpiredCard, expired_card, expired_card"})
    void cardsThatSimulateIssuerDeclinesCannotBeAddedToACustomer(String token, String code, String declineCode)
            throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());

        assertThatThrownBy(() -> stripe.v1().customers().paymentSources().create(customer.getId(),
                CustomerPaymentSourceCreateParams.builder().setSource(token).build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getCode()).isEqualTo(code);
                    assertThat(error.getDeclineCode()).isEqualTo(declineCode);
                });
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getDefaultSource()).isNull();
    }

    @Test
    void chargesACustomersDefaultSourceOrTheCardNamed() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        Card visa = (Card) stripe.v1().customers().paymentSources().create(customer.getId(),
                CustomerPaymentSourceCreateParams.builder().setSource("tok_visa").build());
        Card declining = (Card) stripe.v1().customers().paymentSources().create(customer.getId(),
                CustomerPaymentSourceCreateParams.builder().setSource("tok_chargeCustomerFail").build());

        Charge byDefault = stripe.v1().charges().create(charge(1000, "usd").setCustomer(customer.getId()).build());
        assertThat(byDefault.getCustomer()).isEqualTo(customer.getId());
        assertThat(byDefault.getPaymentMethod()).isEqualTo(visa.getId());
        assertThat(byDefault.getStatus()).isEqualTo("succeeded");

        assertThatThrownBy(() -> stripe.v1().charges().create(charge(1000, "usd").setCustomer(customer.getId())
                .setSource(declining.getId()).build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getDeclineCode()).isEqualTo("generic_decline");
                    assertThat(retrieve(error.getCharge()).getCustomer())
                            .isEqualTo(customer.getId());
                });
    }

    @Test
    void aCustomerWithoutCardsCannotBeCharged() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());

        assertThatThrownBy(() -> stripe.v1().charges().create(charge(1000, "usd").setCustomer(customer.getId())
                .build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getCode()).isEqualTo("missing");
                    assertThat(error.getParam()).isEqualTo("card");
                    assertThat(error.getStripeError().getMessage())
                            .isEqualTo("Cannot charge a customer that has no active card");
                });
        assertThatThrownBy(() -> stripe.v1().charges().create(charge(1000, "usd").setCustomer(customer.getId())
                .setSource("tok_visa").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(
                        error.getStripeError().getMessage()).isEqualTo("Customer " + customer.getId()
                        + " does not have a linked source with ID tok_visa."));
    }

    @Test
    void aChargeNeedsASourceOrACustomerAndAnAmountStripeAccepts() {
        assertThatThrownBy(() -> stripe.v1().charges().create(charge(1000, "usd").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(
                        error.getStripeError().getMessage()).isEqualTo("Must provide source or customer."));
        assertThatThrownBy(() -> stripe.v1().charges().create(charge(10, "usd").setSource("tok_visa").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getCode()).isEqualTo("amount_too_small"));
    }

    private Charge retrieve(String id) {
        try {
            return stripe.v1().charges().retrieve(id);
        } catch (com.stripe.exception.StripeException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.util.List<String> eventTypes() throws Exception {
        return stripe.v1().events().list().getData().stream().map(Event::getType).toList();
    }
}
