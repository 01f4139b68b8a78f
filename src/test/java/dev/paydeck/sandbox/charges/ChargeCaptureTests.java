package dev.paydeck.sandbox.charges;

import dev.paydeck.sandbox.api.StripeError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChargeCaptureTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ObjectNode charge(String status, boolean captured, boolean refunded, String paymentIntent) {
        ObjectNode charge = JSON.createObjectNode();
        charge.put("id", "ch_1");
        charge.put("status", status);
        charge.put("captured", captured);
        charge.put("refunded", refunded);
        if (paymentIntent == null) {
            charge.putNull("payment_intent");
        } else {
            charge.put("payment_intent", paymentIntent);
        }
        return charge;
    }

    @Test
    void onlyAnAuthorizedDirectChargeIsCaptured() {
        assertThatNoException().isThrownBy(() -> ChargeCapture.check(charge("succeeded", false, false, null)));
        assertThat(ChargeCapture.state(charge("succeeded", true, false, null)))
                .isEqualTo(ChargeCapture.State.CAPTURED);
        assertThat(ChargeCapture.state(charge("succeeded", false, true, null)))
                .isEqualTo(ChargeCapture.State.RELEASED);
        assertThat(ChargeCapture.state(charge("failed", false, false, null))).isEqualTo(ChargeCapture.State.FAILED);
        assertThat(ChargeCapture.state(charge("succeeded", false, false, "pi_1")))
                .isEqualTo(ChargeCapture.State.OF_PAYMENT_INTENT);
        assertThatThrownBy(() -> ChargeCapture.check(charge("succeeded", true, false, null)))
                .isInstanceOfSatisfying(StripeError.class,
                        error -> assertThat(error.code()).isEqualTo("charge_already_captured"));
    }

    @Test
    void aCardThatAsksFor3DSecureIsDeclinedWithoutIt() {
        var card = dev.paydeck.sandbox.paymentmethods.TestCards.forNumber("4000002760003184");
        assertThat(DirectCharges.decline(card).declineCode()).isEqualTo("authentication_required");
        assertThat(DirectCharges.decline(dev.paydeck.sandbox.paymentmethods.TestCards.forNumber("4242424242424242")))
                .isNull();
    }
}
