package dev.paydeck.sandbox;

import com.stripe.exception.CardException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.Refund;
import com.stripe.model.radar.EarlyFraudWarning;
import com.stripe.param.ChargeCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.radar.EarlyFraudWarningListParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Stripe's test cards for Radar and the card checks (docs.stripe.com/testing, "Fraud prevention"; and
 * docs.stripe.com/radar/testing), the refund test cards and the early fraud warning card, with the default account
 * settings: a failed CVC check declines, failed address checks let the payment through, the highest risk is blocked.
 */
class SandboxFraudAndCheckCardsIntegrationTests extends SandboxTest {

    private PaymentIntent pay(String paymentMethod) throws Exception {
        return stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(2000L)
                .setCurrency("usd").addPaymentMethodType("card").setPaymentMethod(paymentMethod).setConfirm(true)
                .build());
    }

    /** A card PaymentMethod typed in with the number, and a CVC, address line 1 and postal code when given. */
    private PaymentMethod typedIn(String number, String cvc, String line1, String postalCode) throws Exception {
        PaymentMethodCreateParams.CardDetails.Builder card = PaymentMethodCreateParams.CardDetails.builder()
                .setNumber(number).setExpMonth(12L).setExpYear(SandboxPaymentMethodsIntegrationTests.nextYear());
        if (cvc != null) {
            card.setCvc(cvc);
        }
        PaymentMethodCreateParams.BillingDetails.Address.Builder address =
                PaymentMethodCreateParams.BillingDetails.Address.builder();
        if (line1 != null) {
            address.setLine1(line1);
        }
        if (postalCode != null) {
            address.setPostalCode(postalCode);
        }
        return stripe.v1().paymentMethods().create(PaymentMethodCreateParams.builder()
                .setType(PaymentMethodCreateParams.Type.CARD).setCard(card.build())
                .setBillingDetails(PaymentMethodCreateParams.BillingDetails.builder().setAddress(address.build())
                        .build()).build());
    }

    private Charge chargeOf(PaymentIntent intent) throws Exception {
        return stripe.v1().charges().retrieve(intent.getLatestCharge());
    }

    private Charge declinedCharge(CardException error) throws Exception {
        return stripe.v1().charges().retrieve(error.getCharge());
    }

    /** The account's event types, oldest first. */
    private List<String> eventTypes() throws Exception {
        List<String> types = new ArrayList<>(stripe.v1().events().list(EventListParams.builder().setLimit(100L)
                .build()).getData().stream().map(Event::getType).toList());
        Collections.reverse(types);
        return types;
    }

    @Test
    void theCvcCheckFailCardIsDeclinedWhenACvcIsGivenAndSucceedsWithoutOne() throws Exception {
        PaymentMethod withCvc = typedIn("4000000000000101", "123", null, null);
        assertThatThrownBy(() -> pay(withCvc.getId())).isInstanceOfSatisfying(CardException.class, error -> {
            assertThat(error.getStatusCode()).isEqualTo(402);
            assertThat(error.getCode()).isEqualTo("incorrect_cvc");
            assertThat(error.getDeclineCode()).isEqualTo("incorrect_cvc");
            assertThat(error.getParam()).isEqualTo("cvc");
            try {
                Charge charge = declinedCharge(error);
                assertThat(charge.getStatus()).isEqualTo("failed");
                assertThat(charge.getFailureCode()).isEqualTo("incorrect_cvc");
                assertThat(charge.getPaymentMethodDetails().getCard().getChecks().getCvcCheck()).isEqualTo("fail");
                assertThat(charge.getOutcome().getType()).isEqualTo("issuer_declined");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });

        PaymentIntent withoutCvc = pay(typedIn("4000000000000101", null, null, null).getId());
        assertThat(withoutCvc.getStatus()).isEqualTo("succeeded");
        assertThat(chargeOf(withoutCvc).getPaymentMethodDetails().getCard().getChecks().getCvcCheck()).isNull();
    }

    @Test
    void theCvcCheckFailTestTokensStandForACardGivenWithItsCvc() throws Exception {
        assertThatThrownBy(() -> pay("pm_card_cvcCheckFail")).isInstanceOfSatisfying(CardException.class,
                error -> assertThat(error.getCode()).isEqualTo("incorrect_cvc"));

        assertThatThrownBy(() -> stripe.v1().charges().create(ChargeCreateParams.builder().setAmount(2000L)
                .setCurrency("usd").setSource("tok_cvcCheckFail").build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("incorrect_cvc");
                    try {
                        assertThat(declinedCharge(error).getPaymentMethodDetails().getCard().getChecks()
                                .getCvcCheck()).isEqualTo("fail");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "4000000000000010, fail, fail",
            "4000000000000028, fail, pass",
            "4000000000000036, pass, fail",
            "4000000000000044, unavailable, unavailable",
            "4242424242424242, pass, pass"})
    void addressCheckCardsReportTheirChecksAndTheirPaymentsSucceed(String number, String line1Check,
            String postalCodeCheck) throws Exception {
        PaymentIntent intent = pay(typedIn(number, "123", "510 Townsend St", "94103").getId());

        assertThat(intent.getStatus()).isEqualTo("succeeded");
        Charge.PaymentMethodDetails.Card.Checks checks = chargeOf(intent).getPaymentMethodDetails().getCard()
                .getChecks();
        assertThat(checks.getAddressLine1Check()).isEqualTo(line1Check);
        assertThat(checks.getAddressPostalCodeCheck()).isEqualTo(postalCodeCheck);
        assertThat(checks.getCvcCheck()).isEqualTo("pass");
    }

    @Test
    void anAddressCheckIsMadeOnlyWhenTheAddressIsGivenButATestTokenCountsAsGivingIt() throws Exception {
        Charge.PaymentMethodDetails.Card.Checks noAddress = chargeOf(pay(typedIn("4000000000000010", null, null,
                null).getId())).getPaymentMethodDetails().getCard().getChecks();
        assertThat(noAddress.getAddressLine1Check()).isNull();
        assertThat(noAddress.getAddressPostalCodeCheck()).isNull();

        Charge.PaymentMethodDetails.Card.Checks zipToken = chargeOf(pay("pm_card_avsZipFail"))
                .getPaymentMethodDetails().getCard().getChecks();
        assertThat(zipToken.getAddressPostalCodeCheck()).isEqualTo("fail");
        assertThat(zipToken.getAddressLine1Check()).isNull();

        Charge legacy = stripe.v1().charges().create(ChargeCreateParams.builder().setAmount(2000L)
                .setCurrency("usd").setSource("tok_avsLine1Fail").build());
        assertThat(legacy.getPaymentMethodDetails().getCard().getChecks().getAddressLine1Check()).isEqualTo("fail");
    }

    @Test
    void theElevatedRiskCardSucceedsWithAnElevatedRiskLevel() throws Exception {
        PaymentIntent intent = pay("pm_card_riskLevelElevated");

        assertThat(intent.getStatus()).isEqualTo("succeeded");
        Charge.Outcome outcome = chargeOf(intent).getOutcome();
        assertThat(outcome.getRiskLevel()).isEqualTo("elevated");
        assertThat(outcome.getType()).isEqualTo("authorized");
        assertThat(chargeOf(pay("pm_card_visa")).getOutcome().getRiskLevel()).isEqualTo("normal");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pm_card_radarBlock", "pm_card_chargeDeclinedFraudulent", "pm_card_riskLevelHighest"})
    void highestRiskCardsAreBlockedByRadarAsFraudulent(String paymentMethod) {
        assertThatThrownBy(() -> pay(paymentMethod)).isInstanceOfSatisfying(CardException.class, error -> {
            assertThat(error.getCode()).isEqualTo("card_declined");
            assertThat(error.getDeclineCode()).isEqualTo("fraudulent");
            try {
                Charge charge = declinedCharge(error);
                assertThat(charge.getOutcome().getType()).isEqualTo("blocked");
                assertThat(charge.getOutcome().getRiskLevel()).isEqualTo("highest");
                assertThat(charge.getOutcome().getNetworkStatus()).isEqualTo("not_sent_to_network");
                assertThat(charge.getOutcome().getReason()).isEqualTo("highest_risk_level");
                assertThat(charge.getOutcome().getSellerMessage())
                        .isEqualTo("Stripe blocked this payment as too risky.");
                assertThat(error.getStripeError().getPaymentIntent().getStatus())
                        .isEqualTo("requires_payment_method");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void theCvcCheckFailElevatedRiskCardIsDeclinedWithAnElevatedRiskWhenACvcIsGiven() throws Exception {
        assertThatThrownBy(() -> pay("pm_card_cvcCheckFailElevatedRisk")).isInstanceOfSatisfying(CardException.class,
                error -> {
                    assertThat(error.getCode()).isEqualTo("incorrect_cvc");
                    try {
                        Charge charge = declinedCharge(error);
                        assertThat(charge.getPaymentMethodDetails().getCard().getChecks().getCvcCheck())
                                .isEqualTo("fail");
                        assertThat(charge.getOutcome().getRiskLevel()).isEqualTo("elevated");
                        assertThat(charge.getOutcome().getType()).isEqualTo("issuer_declined");
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });

        PaymentIntent withoutCvc = pay(typedIn("4000058400307872", null, null, null).getId());
        assertThat(withoutCvc.getStatus()).isEqualTo("succeeded");
        assertThat(chargeOf(withoutCvc).getOutcome().getRiskLevel()).isEqualTo("elevated");
    }

    @Test
    void thePostalCodeFailElevatedRiskCardSucceedsWithAFailedCheckAndAnElevatedRisk() throws Exception {
        Charge charge = chargeOf(pay("pm_card_avsZipFailElevatedRisk"));

        assertThat(charge.getStatus()).isEqualTo("succeeded");
        assertThat(charge.getPaymentMethodDetails().getCard().getChecks().getAddressPostalCodeCheck())
                .isEqualTo("fail");
        assertThat(charge.getOutcome().getRiskLevel()).isEqualTo("elevated");
        assertThat(charge.getOutcome().getType()).isEqualTo("authorized");
        assertThat(chargeOf(pay(typedIn("4000058400306072", "123", null, "94103").getId())).getPaymentMethodDetails()
                .getCard().getChecks().getAddressPostalCodeCheck()).isEqualTo("fail");
    }

    /**
     * Radar's optional controls (fraud dispute and early fraud warning scores, dynamic risk thresholds, adaptive
     * 3-D Secure) are off in an account's default settings, and captchas are shown only on Stripe's own pages: these
     * cards' payments succeed.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4000008400000407", "4000008400000159", "4000008400001017", "4000008405600003",
            "4000000000001208", "4000000000003725", "pm_card_highFraudDisputeScore", "pm_card_highEfwScore",
            "pm_card_radarDynamicRiskThreshold", "pm_card_adaptive3dsChallenge"})
    void cardsForRadarControlsThatAreOffByDefaultSucceed(String card) throws Exception {
        PaymentIntent intent = pay(card.startsWith("pm_") ? card : typedIn(card, "123", null, null).getId());

        assertThat(intent.getStatus()).isEqualTo("succeeded");
        assertThat(chargeOf(intent).getOutcome().getType()).isEqualTo("authorized");
    }

    @Test
    void theRefundFailCardsRefundSucceedsFirstThenFailsAndTheAmountComesBack() throws Exception {
        PaymentIntent intent = pay("pm_card_refundFail");
        assertThat(intent.getStatus()).isEqualTo("succeeded");

        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .build());
        assertThat(refund.getStatus()).isEqualTo("succeeded");

        Refund later = stripe.v1().refunds().retrieve(refund.getId());
        assertThat(later.getStatus()).isEqualTo("failed");
        assertThat(later.getFailureReason()).isEqualTo("expired_or_canceled_card");
        BalanceTransaction failure = stripe.v1().balanceTransactions()
                .retrieve(later.getFailureBalanceTransaction());
        assertThat(failure.getType()).isEqualTo("refund_failure");
        assertThat(failure.getAmount()).isEqualTo(2000L);
        assertThat(failure.getSource()).isEqualTo(refund.getId());

        Charge charge = chargeOf(intent);
        assertThat(charge.getAmountRefunded()).isZero();
        assertThat(charge.getRefunded()).isFalse();
        assertThat(eventTypes()).containsSubsequence("refund.created", "charge.refunded", "charge.refund.updated",
                "refund.updated", "refund.failed");
    }

    @Test
    void theRefundFailTokenFailsItsRefundInTheLegacyChargeFlowToo() throws Exception {
        Charge charge = stripe.v1().charges().create(ChargeCreateParams.builder().setAmount(1500L)
                .setCurrency("usd").setSource("tok_refundFail").build());

        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(charge.getId()).build());

        assertThat(refund.getStatus()).isEqualTo("succeeded");
        assertThat(stripe.v1().refunds().retrieve(refund.getId()).getStatus()).isEqualTo("failed");
    }

    @Test
    void thePendingRefundCardsRefundIsPendingFirstThenSucceeds() throws Exception {
        PaymentIntent intent = pay("pm_card_pendingRefund");

        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .build());

        assertThat(refund.getStatus()).isEqualTo("pending");
        assertThat(stripe.v1().refunds().retrieve(refund.getId()).getStatus()).isEqualTo("succeeded");
        assertThat(chargeOf(intent).getRefunds().getData().getFirst().getStatus()).isEqualTo("succeeded");
        assertThat(eventTypes()).containsSubsequence("refund.created", "charge.refund.updated", "refund.updated");
    }

    @Test
    void theEarlyFraudWarningCardsPaymentReceivesAWarning() throws Exception {
        PaymentIntent intent = pay("pm_card_createIssuerFraudRecord");
        assertThat(intent.getStatus()).isEqualTo("succeeded");

        List<EarlyFraudWarning> warnings = stripe.v1().radar().earlyFraudWarnings().list(
                EarlyFraudWarningListParams.builder().setPaymentIntent(intent.getId()).build()).getData();
        assertThat(warnings).singleElement().satisfies(warning -> {
            assertThat(warning.getId()).startsWith("issfr_");
            assertThat(warning.getObject()).isEqualTo("radar.early_fraud_warning");
            assertThat(warning.getCharge()).isEqualTo(intent.getLatestCharge());
            assertThat(warning.getPaymentIntent()).isEqualTo(intent.getId());
            assertThat(warning.getActionable()).isTrue();
            assertThat(warning.getFraudType()).isNotBlank();
            assertThat(warning.getLivemode()).isFalse();
        });
        EarlyFraudWarning retrieved = stripe.v1().radar().earlyFraudWarnings().retrieve(warnings.getFirst().getId());
        assertThat(retrieved.getCharge()).isEqualTo(intent.getLatestCharge());
        assertThat(eventTypes()).containsSubsequence("payment_intent.succeeded", "radar.early_fraud_warning.created");

        // Refunding the charge in full answers the warning: no longer actionable.
        stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId()).build());
        assertThat(stripe.v1().radar().earlyFraudWarnings().retrieve(retrieved.getId()).getActionable()).isFalse();
        assertThat(eventTypes()).endsWith("radar.early_fraud_warning.updated");

        assertThat(stripe.v1().radar().earlyFraudWarnings().list(EarlyFraudWarningListParams.builder()
                .setPaymentIntent(pay("pm_card_visa").getId()).build()).getData()).isEmpty();
        Charge legacy = stripe.v1().charges().create(ChargeCreateParams.builder().setAmount(1500L)
                .setCurrency("usd").setSource("tok_createIssuerFraudRecord").build());
        assertThat(stripe.v1().radar().earlyFraudWarnings().list(EarlyFraudWarningListParams.builder()
                .setCharge(legacy.getId()).build()).getData()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "cvcCheckFail, 0101", "avsFail, 0010", "avsLine1Fail, 0028", "avsZipFail, 0036", "avsUnchecked, 0044",
            "riskLevelElevated, 9235", "riskLevelHighest, 4954", "radarBlock, 0019", "refundFail, 5126",
            "pendingRefund, 7726", "createIssuerFraudRecord, 5423"})
    void theFraudCheckAndRefundTestTokensNameTheirCardsInBothForms(String name, String last4) throws Exception {
        assertThat(stripe.v1().paymentMethods().create(SandboxTokensIntegrationTests.fromToken("tok_" + name))
                .getCard().getLast4()).isEqualTo(last4);
        assertThat(stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(2000L)
                .setCurrency("usd").setPaymentMethod("pm_card_" + name).build()).getPaymentMethod()).startsWith("pm_");
    }
}
