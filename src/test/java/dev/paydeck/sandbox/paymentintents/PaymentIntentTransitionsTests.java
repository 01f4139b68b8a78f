package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.paymentintents.PaymentIntentTransitions.Operation;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import org.junit.jupiter.api.Test;

import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.CANCELED;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.PROCESSING;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_ACTION;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_CAPTURE;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_CONFIRMATION;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentIntentTransitionsTests {

    @Test
    void theTableFollowsStripesLifecycle() {
        assertThat(PaymentIntentTransitions.allowed(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION)).isTrue();
        assertThat(PaymentIntentTransitions.allowed(REQUIRES_CONFIRMATION, REQUIRES_ACTION)).isTrue();
        assertThat(PaymentIntentTransitions.allowed(REQUIRES_ACTION, PROCESSING)).isTrue();
        assertThat(PaymentIntentTransitions.allowed(PROCESSING, REQUIRES_CAPTURE)).isTrue();
        assertThat(PaymentIntentTransitions.allowed(REQUIRES_CAPTURE, SUCCEEDED)).isTrue();
        assertThat(PaymentIntentTransitions.allowed(PROCESSING, REQUIRES_PAYMENT_METHOD)).isTrue();
        assertThat(PaymentIntentTransitions.allowed(SUCCEEDED, CANCELED)).isFalse();
        assertThat(PaymentIntentTransitions.allowed(CANCELED, REQUIRES_CONFIRMATION)).isFalse();
        assertThat(PaymentIntentTransitions.allowed(REQUIRES_CAPTURE, REQUIRES_PAYMENT_METHOD)).isFalse();
        assertThatThrownBy(() -> PaymentIntentTransitions.move(SUCCEEDED, PROCESSING))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void operationsOutsideTheirStatusesAreUnexpectedState() {
        assertThatThrownBy(() -> PaymentIntentTransitions.check(Operation.CAPTURE, REQUIRES_CONFIRMATION))
                .isInstanceOfSatisfying(StripeError.class, error -> {
                    assertThat(error.code()).isEqualTo("payment_intent_unexpected_state");
                    assertThat(error.getMessage()).isEqualTo("This PaymentIntent could not be captured because it "
                            + "has a status of requires_confirmation. Only a PaymentIntent with one of the following "
                            + "statuses may be captured: requires_capture.");
                });
        assertThatThrownBy(() -> PaymentIntentTransitions.check(Operation.CONFIRM, SUCCEEDED))
                .hasMessage("You cannot confirm this PaymentIntent because it has already succeeded after being "
                        + "previously confirmed.");
        PaymentIntentTransitions.check(Operation.CANCEL, REQUIRES_CAPTURE);
        PaymentIntentTransitions.check(Operation.CONFIRM, REQUIRES_ACTION);
    }

    @Test
    void whichCardsAskForAuthentication() {
        var onSetup = TestCards.forNumber("4000002500003155");
        assertThat(PaymentIntentFlow.needsAuthentication(onSetup, false, true)).isTrue();
        assertThat(PaymentIntentFlow.needsAuthentication(onSetup, true, false)).isTrue();
        assertThat(PaymentIntentFlow.needsAuthentication(onSetup, true, true)).isFalse();
        assertThat(PaymentIntentFlow.needsAuthentication(TestCards.forNumber("4000002760003184"), true, true))
                .isTrue();
        assertThat(PaymentIntentFlow.needsAuthentication(TestCards.forNumber("4242424242424242"), false, false))
                .isFalse();
    }
}
