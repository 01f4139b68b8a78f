package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.subscriptions.SubscriptionTransitions.Operation;
import org.junit.jupiter.api.Test;

import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.ACTIVE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.CANCELED;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.INCOMPLETE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.INCOMPLETE_EXPIRED;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.PAST_DUE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.PAUSED;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.TRIALING;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.UNPAID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionTransitionsTests {

    @Test
    void theTableFollowsStripesSubscriptionStatuses() {
        assertThat(SubscriptionTransitions.allowed(INCOMPLETE, ACTIVE)).as("first invoice paid").isTrue();
        assertThat(SubscriptionTransitions.allowed(INCOMPLETE, INCOMPLETE_EXPIRED)).as("23 hours unpaid").isTrue();
        assertThat(SubscriptionTransitions.allowed(TRIALING, ACTIVE)).isTrue();
        assertThat(SubscriptionTransitions.allowed(TRIALING, PAST_DUE)).as("trial ends, payment fails").isTrue();
        assertThat(SubscriptionTransitions.allowed(TRIALING, PAUSED)).as("no payment method, end_behavior pause")
                .isTrue();
        assertThat(SubscriptionTransitions.allowed(ACTIVE, PAST_DUE)).isTrue();
        assertThat(SubscriptionTransitions.allowed(PAST_DUE, ACTIVE)).as("a retry succeeds").isTrue();
        assertThat(SubscriptionTransitions.allowed(PAST_DUE, CANCELED)).as("retries exhausted").isTrue();
        assertThat(SubscriptionTransitions.allowed(PAST_DUE, UNPAID)).isTrue();
        assertThat(SubscriptionTransitions.allowed(PAUSED, ACTIVE)).as("resumed").isTrue();
        assertThat(SubscriptionTransitions.allowed(INCOMPLETE, PAST_DUE)).isFalse();
        assertThat(SubscriptionTransitions.allowed(INCOMPLETE_EXPIRED, ACTIVE)).isFalse();
        assertThat(SubscriptionTransitions.allowed(CANCELED, ACTIVE)).as("a canceled subscription stays canceled")
                .isFalse();
        assertThat(SubscriptionTransitions.allowed(ACTIVE, PAUSED)).isFalse();
        for (SubscriptionStatus status : SubscriptionStatus.values()) {
            assertThat(SubscriptionTransitions.allowed(status, CANCELED)).as(status + " → canceled")
                    .isEqualTo(!status.ended());
        }
        assertThatThrownBy(() -> SubscriptionTransitions.move(CANCELED, ACTIVE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void operationsOutsideTheirStatusesAreRefused() {
        assertThatThrownBy(() -> SubscriptionTransitions.check(Operation.RESUME, ACTIVE, "sub_1"))
                .isInstanceOfSatisfying(StripeError.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.getMessage()).startsWith("Only paused subscriptions can be resumed.");
                });
        assertThatThrownBy(() -> SubscriptionTransitions.check(Operation.UPDATE, CANCELED, "sub_1"))
                .hasMessage("A canceled subscription can only update its cancellation_details and metadata.");
        assertThatThrownBy(() -> SubscriptionTransitions.check(Operation.CANCEL, CANCELED, "sub_1"))
                .hasMessage("This subscription is already canceled: it cannot be canceled again.");
        assertThat(Operation.CANCEL.allowedFrom(CANCELED)).isFalse();
        assertThat(Operation.CANCEL.allowedFrom(INCOMPLETE_EXPIRED)).isFalse();
        assertThat(Operation.CANCEL.allowedFrom(PAUSED)).isTrue();
        SubscriptionTransitions.check(Operation.RESUME, PAUSED, "sub_1");
    }
}
