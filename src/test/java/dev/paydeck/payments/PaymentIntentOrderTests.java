package dev.paydeck.payments;

import org.junit.jupiter.api.Test;

import static dev.paydeck.payments.PaymentIntentOrder.Decision.APPLY;
import static dev.paydeck.payments.PaymentIntentOrder.Decision.RE_READ;
import static dev.paydeck.payments.PaymentIntentOrder.Decision.SKIP;
import static dev.paydeck.payments.PaymentIntentOrder.decide;
import static org.assertj.core.api.Assertions.assertThat;

class PaymentIntentOrderTests {

    @Test
    void aTerminalStatusNeverChanges() {
        assertThat(decide("succeeded", 100L, "processing", 200)).isEqualTo(SKIP);
        assertThat(decide("canceled", null, "succeeded", 200)).isEqualTo(SKIP);
    }

    @Test
    void anOlderEventIsSkipped() {
        assertThat(decide("processing", 100L, "succeeded", 99)).isEqualTo(SKIP);
    }

    @Test
    void aStepForwardApplies() {
        assertThat(decide("pending", null, "requires_action", 1)).isEqualTo(APPLY);
        assertThat(decide("unknown", null, "succeeded", 1)).isEqualTo(APPLY);
        assertThat(decide("processing", 100L, "succeeded", 100)).isEqualTo(APPLY);
        assertThat(decide("requires_capture", 100L, "requires_capture", 101)).isEqualTo(APPLY);
    }

    @Test
    void aStepThatLooksBackwardsIsCheckedWithStripe() {
        // payment_failed after requires_action is real; the same status from a late event is not: Stripe decides.
        assertThat(decide("requires_action", 100L, "requires_payment_method", 100)).isEqualTo(RE_READ);
        assertThat(decide("processing", null, "requires_confirmation", 5)).isEqualTo(RE_READ);
    }
}
