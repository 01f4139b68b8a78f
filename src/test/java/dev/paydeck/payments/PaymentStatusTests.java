package dev.paydeck.payments;

import dev.paydeck.shared.mirror.StateOrder;
import org.junit.jupiter.api.Test;

import java.util.function.BiFunction;

import static dev.paydeck.payments.PaymentStatus.CANCELED;
import static dev.paydeck.payments.PaymentStatus.PENDING;
import static dev.paydeck.payments.PaymentStatus.PROCESSING;
import static dev.paydeck.payments.PaymentStatus.REQUIRES_ACTION;
import static dev.paydeck.payments.PaymentStatus.REQUIRES_CAPTURE;
import static dev.paydeck.payments.PaymentStatus.REQUIRES_CONFIRMATION;
import static dev.paydeck.payments.PaymentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.paydeck.payments.PaymentStatus.SUCCEEDED;
import static dev.paydeck.payments.PaymentStatus.UNKNOWN;
import static dev.paydeck.shared.mirror.StateOrder.Decision.APPLY;
import static dev.paydeck.shared.mirror.StateOrder.Decision.RE_READ;
import static dev.paydeck.shared.mirror.StateOrder.Decision.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

/** The order in which PaymentIntent snapshots may replace a payment's status, and the status rules Paydeck uses. */
class PaymentStatusTests {

    private static StateOrder.Decision decide(PaymentStatus current, Long currentEventCreated,
            PaymentStatus incoming, long eventCreated) {
        return PaymentStatus.ORDER.decide(current, currentEventCreated, incoming, eventCreated);
    }

    @Test
    void aFinalStatusNeverChanges() {
        assertThat(decide(SUCCEEDED, 100L, PROCESSING, 200)).isEqualTo(SKIP);
        assertThat(decide(CANCELED, null, SUCCEEDED, 200)).isEqualTo(SKIP);
        assertThat(SUCCEEDED.isFinal()).isTrue();
        assertThat(CANCELED.isFinal()).isTrue();
        assertThat(REQUIRES_CAPTURE.isFinal()).isFalse();
    }

    @Test
    void anOlderEventIsSkipped() {
        assertThat(decide(PROCESSING, 100L, SUCCEEDED, 99)).isEqualTo(SKIP);
    }

    @Test
    void aStepForwardApplies() {
        assertThat(decide(PENDING, null, REQUIRES_ACTION, 1)).isEqualTo(APPLY);
        assertThat(decide(UNKNOWN, null, SUCCEEDED, 1)).isEqualTo(APPLY);
        assertThat(decide(PROCESSING, 100L, SUCCEEDED, 101)).isEqualTo(APPLY);
        assertThat(decide(SUCCEEDED, 100L, SUCCEEDED, 100)).isEqualTo(SKIP);
        assertThat(decide(REQUIRES_CAPTURE, 100L, REQUIRES_CAPTURE, 100)).isEqualTo(APPLY);
        assertThat(decide(REQUIRES_CAPTURE, 100L, REQUIRES_CAPTURE, 101)).isEqualTo(APPLY);
    }

    @Test
    void twoEventsOfOneSecondThatDisagreeAreCheckedWithStripe() {
        // The 3-D Secure failure (applied after reading Stripe) and the requires_action event before it, delivered
        // late, share their second: the late one looks like a step forward but only Stripe knows which came last.
        assertThat(decide(REQUIRES_PAYMENT_METHOD, 100L, REQUIRES_ACTION, 100)).isEqualTo(RE_READ);
        assertThat(decide(PROCESSING, 100L, SUCCEEDED, 100)).isEqualTo(RE_READ);
        assertThat(decide(REQUIRES_PAYMENT_METHOD, null, REQUIRES_ACTION, 100)).isEqualTo(APPLY);
    }

    @Test
    void aStepThatLooksBackwardsIsCheckedWithStripe() {
        // payment_failed after requires_action is real; the same status from a late event is not: Stripe decides.
        assertThat(decide(REQUIRES_ACTION, 100L, REQUIRES_PAYMENT_METHOD, 100)).isEqualTo(RE_READ);
        assertThat(decide(PROCESSING, null, REQUIRES_CONFIRMATION, 5)).isEqualTo(RE_READ);
        assertThat(decide(REQUIRES_CAPTURE, null, PROCESSING, 5)).isEqualTo(RE_READ);
    }

    @Test
    void everyStripeStatusCanBeReachedFromAnUnresolvedPayment() {
        BiFunction<PaymentStatus, PaymentStatus, Boolean> allows = PaymentStatus.ORDER::allows;
        for (PaymentStatus status : PaymentStatus.values()) {
            assertThat(allows.apply(PENDING, status)).as("pending → " + status).isTrue();
            if (status != PENDING) {
                assertThat(allows.apply(UNKNOWN, status)).as("unknown → " + status).isTrue();
            }
        }
        assertThat(allows.apply(UNKNOWN, PENDING)).isFalse();
    }

    @Test
    void statusesAreStripesWords() {
        assertThat(REQUIRES_CAPTURE.code()).isEqualTo("requires_capture");
        assertThat(PaymentStatus.parse("requires_capture")).contains(REQUIRES_CAPTURE);
        assertThat(PaymentStatus.parse("paid")).isEmpty();
        assertThat(PaymentStatus.parse("SUCCEEDED")).isEmpty();
        assertThat(PaymentStatus.parse(null)).isEmpty();
    }

    @Test
    void whatEachStatusAllows() {
        assertThat(REQUIRES_CAPTURE.isCapturable()).isTrue();
        assertThat(SUCCEEDED.isCapturable()).isFalse();
        assertThat(SUCCEEDED.isRefundable()).isTrue();
        assertThat(REQUIRES_CAPTURE.isRefundable()).isFalse();
        assertThat(PENDING.isUnresolved()).isTrue();
        assertThat(UNKNOWN.isUnresolved()).isTrue();
        assertThat(PROCESSING.isUnresolved()).isFalse();
    }

    @Test
    void aRefundMovesToAFinalStatusAndASucceededOneMayStillFail() {
        assertThat(RefundStatus.ORDER.allows(RefundStatus.PENDING, RefundStatus.SUCCEEDED)).isTrue();
        assertThat(RefundStatus.ORDER.allows(RefundStatus.SUCCEEDED, RefundStatus.FAILED)).isTrue();
        assertThat(RefundStatus.ORDER.allows(RefundStatus.FAILED, RefundStatus.SUCCEEDED)).isFalse();
        assertThat(RefundStatus.ORDER.allows(RefundStatus.SUCCEEDED, RefundStatus.PENDING)).isFalse();
        assertThat(RefundStatus.ORDER.isFinal(RefundStatus.CANCELED)).isTrue();
    }
}
