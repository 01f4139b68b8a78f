package dev.paydeck.sandbox.disputes;

import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.disputes.DisputeTransitions.Action;
import org.junit.jupiter.api.Test;

import static dev.paydeck.sandbox.disputes.DisputeStatus.LOST;
import static dev.paydeck.sandbox.disputes.DisputeStatus.NEEDS_RESPONSE;
import static dev.paydeck.sandbox.disputes.DisputeStatus.UNDER_REVIEW;
import static dev.paydeck.sandbox.disputes.DisputeStatus.WARNING_CLOSED;
import static dev.paydeck.sandbox.disputes.DisputeStatus.WARNING_NEEDS_RESPONSE;
import static dev.paydeck.sandbox.disputes.DisputeStatus.WARNING_UNDER_REVIEW;
import static dev.paydeck.sandbox.disputes.DisputeStatus.WON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisputeTransitionsTests {

    @Test
    void aChargebackIsAnsweredThenWonOrLostOrAccepted() {
        assertThat(DisputeTransitions.next(NEEDS_RESPONSE, Action.STAGE)).isEqualTo(NEEDS_RESPONSE);
        assertThat(DisputeTransitions.next(NEEDS_RESPONSE, Action.SUBMIT)).isEqualTo(UNDER_REVIEW);
        assertThat(DisputeTransitions.next(UNDER_REVIEW, Action.WIN)).isEqualTo(WON);
        assertThat(DisputeTransitions.next(UNDER_REVIEW, Action.LOSE)).isEqualTo(LOST);
        assertThat(DisputeTransitions.next(NEEDS_RESPONSE, Action.ACCEPT)).isEqualTo(LOST);
    }

    @Test
    void anInquiryClosesOrEscalatesToAChargeback() {
        assertThat(DisputeTransitions.next(WARNING_NEEDS_RESPONSE, Action.SUBMIT)).isEqualTo(WARNING_UNDER_REVIEW);
        assertThat(DisputeTransitions.next(WARNING_UNDER_REVIEW, Action.WIN)).isEqualTo(WARNING_CLOSED);
        assertThat(DisputeTransitions.next(WARNING_UNDER_REVIEW, Action.LOSE)).isEqualTo(WARNING_CLOSED);
        assertThat(DisputeTransitions.next(WARNING_UNDER_REVIEW, Action.ESCALATE)).isEqualTo(NEEDS_RESPONSE);
        assertThat(DisputeTransitions.allowed(UNDER_REVIEW, Action.ESCALATE)).isFalse();
        assertThat(DisputeTransitions.next(WARNING_NEEDS_RESPONSE, Action.ACCEPT)).isEqualTo(WARNING_CLOSED);
    }

    @Test
    void closedDisputesAndDisputesUnderReviewRefuseChanges() {
        for (DisputeStatus closed : new DisputeStatus[] {WON, LOST, WARNING_CLOSED}) {
            for (Action action : Action.values()) {
                assertThat(DisputeTransitions.allowed(closed, action)).as("%s %s", closed, action).isFalse();
            }
        }
        assertThat(DisputeTransitions.allowed(UNDER_REVIEW, Action.STAGE)).isFalse();
        assertThat(DisputeTransitions.allowed(UNDER_REVIEW, Action.ACCEPT)).isFalse();
        assertThat(DisputeTransitions.allowed(NEEDS_RESPONSE, Action.WIN)).isFalse();
        assertThatThrownBy(() -> DisputeTransitions.next(LOST, Action.ACCEPT))
                .isInstanceOfSatisfying(StripeError.class, error -> assertThat(error.status()).isEqualTo(400))
                .hasMessage("This dispute is already closed.");
    }

    @Test
    void fundsLeaveOnAChargebackAndComeBackWhenItIsWon() {
        assertThat(DisputeTransitions.withdrawsFunds(WARNING_UNDER_REVIEW, NEEDS_RESPONSE)).isTrue();
        assertThat(DisputeTransitions.withdrawsFunds(NEEDS_RESPONSE, NEEDS_RESPONSE)).isFalse();
        assertThat(DisputeTransitions.withdrawsFunds(UNDER_REVIEW, LOST)).isFalse();
        assertThat(DisputeTransitions.reinstatesFunds(WON)).isTrue();
        assertThat(DisputeTransitions.reinstatesFunds(WARNING_CLOSED)).isFalse();
    }
}
