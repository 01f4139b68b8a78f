package dev.paydeck.webhooks;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StripeEventListenerMethodTests {

    @Test
    void takesItsExactTypesAndFamilies() {
        var listener = listener("refundsAndOneIntentType");

        assertThat(listener.takes("payment_intent.succeeded")).isTrue();
        assertThat(listener.takes("refund.updated")).isTrue();
        assertThat(listener.takes("refund.created")).isTrue();
        assertThat(listener.takes("payment_intent.canceled")).isFalse();
        assertThat(listener.takes("refund")).isFalse();
        assertThat(listener.takes("refunds.updated")).isFalse();
    }

    @Test
    void refusesMalformedTypesAndSignaturesAtStartup() {
        for (String method : new String[] {"noType", "starInTheMiddle", "bareStar", "returnsSomething"}) {
            assertThatIllegalStateException().as(method).isThrownBy(() -> listener(method));
        }
    }

    private static StripeEventListenerMethod listener(String name) {
        for (Method method : Samples.class.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return new StripeEventListenerMethod("samples", Samples.class, method);
            }
        }
        throw new IllegalArgumentException(name);
    }

    @SuppressWarnings("unused")
    static class Samples {

        @StripeEventListener({"payment_intent.succeeded", "refund.*"})
        void refundsAndOneIntentType(StripeEventReceived event) {
        }

        @StripeEventListener({})
        void noType(StripeEventReceived event) {
        }

        @StripeEventListener("refund.*.updated")
        void starInTheMiddle(StripeEventReceived event) {
        }

        @StripeEventListener("*")
        void bareStar(StripeEventReceived event) {
        }

        @StripeEventListener("refund.updated")
        String returnsSomething(StripeEventReceived event) {
            return "";
        }
    }
}
