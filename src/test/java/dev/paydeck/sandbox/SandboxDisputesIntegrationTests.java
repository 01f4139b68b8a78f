package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Balance;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.param.DisputeListParams;
import com.stripe.param.DisputeUpdateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stripe's dispute test cards, the evidence that wins or loses a dispute, and what disputes do to the balance. */
class SandboxDisputesIntegrationTests extends SandboxTest {

    private PaymentIntent pay(long amount, String card) throws Exception {
        return stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(amount)
                .setCurrency("usd").addPaymentMethodType("card").setPaymentMethod(card).setConfirm(true).build());
    }

    private Dispute disputeOf(PaymentIntent intent) throws Exception {
        List<Dispute> disputes = stripe.v1().disputes().list(DisputeListParams.builder()
                .setPaymentIntent(intent.getId()).build()).getData();
        assertThat(disputes).hasSize(1);
        return disputes.getFirst();
    }

    /** The account's event types, oldest first. */
    private List<String> eventTypes() throws Exception {
        List<String> types = new ArrayList<>(stripe.v1().events().list(EventListParams.builder().setLimit(100L)
                .build()).getData().stream().map(Event::getType).toList());
        Collections.reverse(types);
        return types;
    }

    @Test
    void theFraudulentDisputeCardIsDisputedAfterThePaymentSucceedsAndTheFundsAreWithdrawn() throws Exception {
        PaymentIntent intent = pay(10_000, "pm_card_createDispute");
        assertThat(intent.getStatus()).isEqualTo("succeeded");

        Dispute dispute = disputeOf(intent);
        assertThat(dispute.getId()).startsWith("dp_");
        assertThat(dispute.getObject()).isEqualTo("dispute");
        assertThat(dispute.getAmount()).isEqualTo(10_000L);
        assertThat(dispute.getCurrency()).isEqualTo("usd");
        assertThat(dispute.getCharge()).isEqualTo(intent.getLatestCharge());
        assertThat(dispute.getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(dispute.getReason()).isEqualTo("fraudulent");
        assertThat(dispute.getStatus()).isEqualTo("needs_response");
        assertThat(dispute.getIsChargeRefundable()).isFalse();
        assertThat(dispute.getEvidenceDetails().getHasEvidence()).isFalse();
        assertThat(dispute.getEvidenceDetails().getDueBy()).isGreaterThan(dispute.getCreated());
        assertThat(dispute.getBalanceTransactions()).singleElement().satisfies(withdrawal -> {
            assertThat(withdrawal.getType()).isEqualTo("adjustment");
            assertThat(withdrawal.getReportingCategory()).isEqualTo("dispute");
            assertThat(withdrawal.getAmount()).isEqualTo(-10_000L);
            assertThat(withdrawal.getFee()).isEqualTo(1500L);
            assertThat(withdrawal.getNet()).isEqualTo(-11_500L);
            assertThat(withdrawal.getSource()).isEqualTo(dispute.getId());
        });

        Charge charge = stripe.v1().charges().retrieve(intent.getLatestCharge());
        assertThat(charge.getDisputed()).isTrue();
        assertThat(stripe.v1().disputes().retrieve(dispute.getId()).getStatus()).isEqualTo("needs_response");
        assertThat(stripe.v1().disputes().list(DisputeListParams.builder().setCharge(charge.getId()).build())
                .getData()).extracting(Dispute::getId).containsExactly(dispute.getId());

        Balance balance = stripe.v1().balance().retrieve();
        assertThat(balance.getAvailable().getFirst().getAmount()).isEqualTo(-11_500L);
        assertThat(balance.getPending().getFirst().getAmount()).isEqualTo(9680L);
        assertThat(eventTypes()).containsSubsequence("charge.succeeded", "payment_intent.succeeded",
                "charge.dispute.created", "charge.dispute.funds_withdrawn");
    }

    @Test
    void winningEvidenceWinsTheDisputeAndReinstatesTheAmountButNotTheDisputeFee() throws Exception {
        PaymentIntent intent = pay(10_000, "pm_card_createDispute");
        Dispute dispute = disputeOf(intent);

        Dispute won = stripe.v1().disputes().update(dispute.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setUncategorizedText("winning_evidence")
                        .setCustomerName("Jenny Rosen").build())
                .putMetadata("case", "42").build());
        assertThat(won.getStatus()).isEqualTo("won");
        assertThat(won.getEvidence().getUncategorizedText()).isEqualTo("winning_evidence");
        assertThat(won.getEvidence().getCustomerName()).isEqualTo("Jenny Rosen");
        assertThat(won.getEvidenceDetails().getHasEvidence()).isTrue();
        assertThat(won.getEvidenceDetails().getSubmissionCount()).isEqualTo(1L);
        assertThat(won.getMetadata()).containsEntry("case", "42");
        assertThat(won.getBalanceTransactions()).hasSize(2);
        BalanceTransaction reinstatement = won.getBalanceTransactions().get(1);
        assertThat(reinstatement.getReportingCategory()).isEqualTo("dispute_reversal");
        assertThat(reinstatement.getAmount()).isEqualTo(10_000L);
        // Stripe returns the disputed amount, not the dispute fee (support.stripe.com/topics/disputes).
        assertThat(reinstatement.getFee()).isZero();
        assertThat(reinstatement.getNet()).isEqualTo(10_000L);

        assertThat(stripe.v1().balance().retrieve().getAvailable().getFirst().getAmount()).isEqualTo(-1500L);
        assertThat(eventTypes()).containsSubsequence("charge.dispute.created", "charge.dispute.updated",
                "charge.dispute.closed", "charge.dispute.funds_reinstated");

        assertThatThrownBy(() -> stripe.v1().disputes().close(dispute.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error ->
                        assertThat(error.getStripeError().getMessage()).isEqualTo("This dispute is already closed."));
    }

    @Test
    void losingEvidenceLosesTheDisputeAndTheFundsStayWithdrawn() throws Exception {
        PaymentIntent intent = pay(5000, "pm_card_createDisputeProductNotReceived");
        Dispute dispute = disputeOf(intent);
        assertThat(dispute.getReason()).isEqualTo("product_not_received");

        Dispute lost = stripe.v1().disputes().update(dispute.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setUncategorizedText("losing_evidence").build())
                .build());
        assertThat(lost.getStatus()).isEqualTo("lost");
        assertThat(lost.getBalanceTransactions()).hasSize(1);
        assertThat(stripe.v1().balance().retrieve().getAvailable().getFirst().getAmount()).isEqualTo(-6500L);
        assertThat(eventTypes()).endsWith("charge.dispute.updated", "charge.dispute.closed");
    }

    @Test
    void stagedEvidenceWaitsAndOtherEvidenceLeavesTheDisputeUnderReview() throws Exception {
        Dispute dispute = disputeOf(pay(2000, "pm_card_createDispute"));

        Dispute staged = stripe.v1().disputes().update(dispute.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setProductDescription("A blue mug").build())
                .setSubmit(false).build());
        assertThat(staged.getStatus()).isEqualTo("needs_response");
        assertThat(staged.getEvidenceDetails().getHasEvidence()).isTrue();
        assertThat(staged.getEvidenceDetails().getSubmissionCount()).isZero();

        Dispute submitted = stripe.v1().disputes().update(dispute.getId(), DisputeUpdateParams.builder()
                .setSubmit(true).build());
        assertThat(submitted.getStatus()).isEqualTo("under_review");
        assertThat(submitted.getEvidence().getProductDescription()).isEqualTo("A blue mug");

        assertThatThrownBy(() -> stripe.v1().disputes().close(dispute.getId()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aChargedBackPaymentCannotBeRefundedButAnInquiredOneCan() throws Exception {
        PaymentIntent chargedBack = pay(3000, "pm_card_createDispute");
        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(chargedBack.getId()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("charge_disputed");
                    assertThat(error.getStripeError().getMessage()).isEqualTo("Charge "
                            + chargedBack.getLatestCharge() + " has been charged back; cannot issue a refund.");
                });

        PaymentIntent inquired = pay(3000, "pm_card_createDisputeInquiry");
        assertThat(stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(inquired.getId())
                .build()).getStatus()).isEqualTo("succeeded");
    }

    @Test
    void closingADisputeAcceptsIt() throws Exception {
        PaymentIntent intent = pay(3000, "pm_card_createDispute");
        Dispute closed = stripe.v1().disputes().close(disputeOf(intent).getId());
        assertThat(closed.getStatus()).isEqualTo("lost");
        assertThat(eventTypes()).endsWith("charge.dispute.closed");
    }

    @Test
    void anInquiryWithdrawsNothingUntilItEscalates() throws Exception {
        PaymentIntent intent = pay(4000, "pm_card_createDisputeInquiry");
        Dispute inquiry = disputeOf(intent);
        assertThat(inquiry.getStatus()).isEqualTo("warning_needs_response");
        assertThat(inquiry.getBalanceTransactions()).isEmpty();
        assertThat(inquiry.getIsChargeRefundable()).isTrue();
        assertThat(stripe.v1().balance().retrieve().getAvailable().getFirst().getAmount()).isZero();

        Dispute closed = stripe.v1().disputes().update(inquiry.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setUncategorizedText("winning_evidence").build())
                .build());
        assertThat(closed.getStatus()).isEqualTo("warning_closed");
        assertThat(closed.getBalanceTransactions()).isEmpty();
        assertThat(eventTypes()).doesNotContain("charge.dispute.funds_withdrawn");
    }

    @Test
    void anInquiryLostClosesWithoutEscalatingAndEscalatingEvidenceMakesItAChargeback() throws Exception {
        Dispute lost = disputeOf(pay(4000, "pm_card_createDisputeInquiry"));
        Dispute closed = stripe.v1().disputes().update(lost.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setUncategorizedText("losing_evidence").build())
                .build());
        assertThat(closed.getStatus()).isEqualTo("warning_closed");
        assertThat(closed.getBalanceTransactions()).isEmpty();

        Dispute escalating = disputeOf(pay(6000, "pm_card_createDisputeInquiry"));
        Dispute chargeback = stripe.v1().disputes().update(escalating.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder()
                        .setUncategorizedText("escalate_inquiry_evidence").build())
                .build());
        assertThat(chargeback.getStatus()).isEqualTo("needs_response");
        assertThat(chargeback.getPaymentMethodDetails().getCard().getCaseType()).isEqualTo("chargeback");
        assertThat(chargeback.getIsChargeRefundable()).isFalse();
        assertThat(chargeback.getBalanceTransactions()).singleElement()
                .satisfies(withdrawal -> assertThat(withdrawal.getAmount()).isEqualTo(-6000L));
        assertThat(eventTypes()).containsOnlyOnce("charge.dispute.funds_withdrawn");
    }

    @Test
    void theMultipleDisputesCardIsDisputedTwiceForTheWholeAmount() throws Exception {
        PaymentIntent intent = pay(10_001, "pm_card_createMultipleDisputes");

        List<Dispute> disputes = stripe.v1().disputes().list(DisputeListParams.builder()
                .setPaymentIntent(intent.getId()).build()).getData();
        assertThat(disputes).hasSize(2);
        assertThat(disputes).extracting(Dispute::getCharge).containsOnly(intent.getLatestCharge());
        assertThat(disputes).extracting(Dispute::getStatus).containsOnly("needs_response");
        assertThat(disputes).extracting(Dispute::getAmount).containsExactlyInAnyOrder(5001L, 5000L);
        assertThat(stripe.v1().charges().retrieve(intent.getLatestCharge()).getDisputed()).isTrue();
        assertThat(eventTypes().stream().filter("charge.dispute.created"::equals)).hasSize(2);
    }

    @Test
    void theVisaCompellingEvidenceCardOpensAFraudDisputeEligibleForIt() throws Exception {
        Dispute dispute = disputeOf(pay(7000, "pm_card_createCe3EligibleDispute"));

        assertThat(dispute.getReason()).isEqualTo("fraudulent");
        assertThat(dispute.getStatus()).isEqualTo("needs_response");
        assertThat(dispute.getPaymentMethodDetails().getCard().getNetworkReasonCode()).isEqualTo("10.4");
        assertThat(dispute.getEnhancedEligibilityTypes()).containsExactly("visa_compelling_evidence_3");
        var eligibility = dispute.getEvidenceDetails().getEnhancedEligibility().getVisaCompellingEvidence3();
        assertThat(eligibility.getStatus()).isEqualTo("requires_action");
        assertThat(eligibility.getRequiredActions()).contains("missing_prior_undisputed_transactions");
    }

    @Test
    void aComplianceDisputeTakesEvidenceOnceItsNetworkFeeIsAcknowledged() throws Exception {
        Dispute dispute = disputeOf(pay(8000, "pm_card_createComplianceDispute"));
        assertThat(dispute.getReason()).isEqualTo("noncompliant");
        assertThat(dispute.getPaymentMethodDetails().getCard().getCaseType()).isEqualTo("compliance");
        assertThat(dispute.getEnhancedEligibilityTypes()).containsExactly("visa_compliance");
        assertThat(dispute.getEvidenceDetails().getEnhancedEligibility().getVisaCompliance().getStatus())
                .isEqualTo("requires_fee_acknowledgement");
        assertThat(dispute.getEvidence().getEnhancedEvidence().getVisaCompliance().getFeeAcknowledged()).isFalse();

        assertThatThrownBy(() -> stripe.v1().disputes().update(dispute.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setUncategorizedText("winning_evidence").build())
                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getParam())
                        .isEqualTo("evidence[enhanced_evidence][visa_compliance][fee_acknowledged]"));
        assertThat(stripe.v1().disputes().retrieve(dispute.getId()).getStatus()).isEqualTo("needs_response");

        Dispute won = stripe.v1().disputes().update(dispute.getId(), DisputeUpdateParams.builder()
                .setEvidence(DisputeUpdateParams.Evidence.builder().setUncategorizedText("winning_evidence")
                        .setEnhancedEvidence(DisputeUpdateParams.Evidence.EnhancedEvidence.builder()
                                .setVisaCompliance(DisputeUpdateParams.Evidence.EnhancedEvidence.VisaCompliance
                                        .builder().setFeeAcknowledged(true).build())
                                .build())
                        .build())
                .build());
        assertThat(won.getStatus()).isEqualTo("won");
        assertThat(won.getEvidenceDetails().getEnhancedEligibility().getVisaCompliance().getStatus())
                .isEqualTo("fee_acknowledged");
        assertThat(won.getEvidence().getEnhancedEvidence().getVisaCompliance().getFeeAcknowledged()).isTrue();
    }

    @Test
    void theMastercardComplianceCardOpensAMastercardComplianceDispute() throws Exception {
        Dispute dispute = disputeOf(pay(9000, "pm_card_createMastercardComplianceDispute"));

        assertThat(dispute.getReason()).isEqualTo("noncompliant");
        assertThat(dispute.getPaymentMethodDetails().getCard().getBrand()).isEqualTo("mastercard");
        assertThat(dispute.getEnhancedEligibilityTypes()).containsExactly("mastercard_compliance");
        assertThat(dispute.getEvidenceDetails().getEnhancedEligibility().getMastercardCompliance().getStatus())
                .isEqualTo("requires_fee_acknowledgement");
    }

    /** Smart Disputes and the dispute prevention cards: an account not enrolled in them gets the dispute. */
    @ParameterizedTest
    @ValueSource(strings = {"pm_card_createAutoRepresentmentEligibleDispute",
            "pm_card_createRapidDisputeResolutionDispute", "pm_card_createCe3BlockDispute", "pm_card_createEthocaAlert"})
    void theDisputePreventionCardsAreDisputedInAnAccountNotEnrolled(String card) throws Exception {
        Dispute dispute = disputeOf(pay(2500, card));

        assertThat(dispute.getStatus()).isEqualTo("needs_response");
        assertThat(dispute.getAmount()).isEqualTo(2500L);
    }

    @Test
    void aDisputeOfAnotherAccountIsMissing() throws Exception {
        Dispute dispute = disputeOf(pay(2000, "pm_card_createDispute"));
        newSandboxAccount();
        assertThatThrownBy(() -> stripe.v1().disputes().retrieve(dispute.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getCode()).isEqualTo("resource_missing"));
    }
}
