package dev.paydeck.sandbox.setupintents;

import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import dev.paydeck.sandbox.setupintents.SetupIntentTransitions.Operation;
import org.junit.jupiter.api.Test;

import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.CANCELED;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.PROCESSING;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_ACTION;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_CONFIRMATION;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetupIntentTransitionsTests {

    @Test
    void theTableFollowsStripesLifecycle() {
        assertThat(SetupIntentTransitions.allowed(REQUIRES_PAYMENT_METHOD, REQUIRES_CONFIRMATION)).isTrue();
        assertThat(SetupIntentTransitions.allowed(REQUIRES_CONFIRMATION, REQUIRES_ACTION)).isTrue();
        assertThat(SetupIntentTransitions.allowed(REQUIRES_ACTION, PROCESSING)).isTrue();
        assertThat(SetupIntentTransitions.allowed(REQUIRES_ACTION, REQUIRES_PAYMENT_METHOD)).isTrue();
        assertThat(SetupIntentTransitions.allowed(PROCESSING, SUCCEEDED)).isTrue();
        assertThat(SetupIntentTransitions.allowed(PROCESSING, REQUIRES_PAYMENT_METHOD)).isTrue();
        assertThat(SetupIntentTransitions.allowed(REQUIRES_CONFIRMATION, CANCELED)).isTrue();
        assertThat(SetupIntentTransitions.allowed(PROCESSING, CANCELED)).isFalse();
        assertThat(SetupIntentTransitions.allowed(SUCCEEDED, CANCELED)).isFalse();
        assertThat(SetupIntentTransitions.allowed(SUCCEEDED, REQUIRES_PAYMENT_METHOD)).isFalse();
        assertThat(SetupIntentTransitions.allowed(CANCELED, REQUIRES_CONFIRMATION)).isFalse();
        assertThatThrownBy(() -> SetupIntentTransitions.move(SUCCEEDED, PROCESSING))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void operationsOutsideTheirStatusesAreUnexpectedState() {
        assertThatThrownBy(() -> SetupIntentTransitions.check(Operation.CANCEL, SUCCEEDED))
                .isInstanceOfSatisfying(StripeError.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.code()).isEqualTo("setup_intent_unexpected_state");
                    assertThat(error.getMessage()).isEqualTo("You cannot cancel this SetupIntent because it has a "
                            + "status of succeeded. Only a SetupIntent with one of the following statuses may be "
                            + "canceled: `requires_payment_method`, `requires_confirmation`, or `requires_action`.");
                });
        assertThatThrownBy(() -> SetupIntentTransitions.check(Operation.CONFIRM, SUCCEEDED))
                .hasMessage("You cannot confirm this SetupIntent because it has already succeeded.");
        assertThatThrownBy(() -> SetupIntentTransitions.check(Operation.CONFIRM, CANCELED))
                .hasMessage("You cannot confirm this SetupIntent because it has been canceled.");
        assertThatThrownBy(() -> SetupIntentTransitions.check(Operation.CANCEL, CANCELED))
                .hasMessage("You cannot cancel this SetupIntent because it is already canceled.");
        SetupIntentTransitions.check(Operation.CANCEL, REQUIRES_ACTION);
        SetupIntentTransitions.check(Operation.CONFIRM, REQUIRES_PAYMENT_METHOD);
        SetupIntentTransitions.check(Operation.UPDATE, REQUIRES_CONFIRMATION);
    }

    @Test
    void everyCardThatMayAskForAuthenticationAsksWhenItIsSetUp() {
        assertThat(SetupIntentFlow.needsAuthentication(TestCards.forNumber("4000002500003155"))).isTrue();
        assertThat(SetupIntentFlow.needsAuthentication(TestCards.forNumber("4000002760003184"))).isTrue();
        assertThat(SetupIntentFlow.needsAuthentication(TestCards.forNumber("4000000000003220"))).isTrue();
        assertThat(SetupIntentFlow.needsAuthentication(TestCards.forNumber("4242424242424242"))).isFalse();
        assertThat(SetupIntentFlow.needsAuthentication(TestCards.forNumber("4000000000000002"))).isFalse();
    }
}
