package dev.paydeck.checkout.web;

import dev.paydeck.payments.Payment;
import dev.paydeck.payments.PaymentId;
import dev.paydeck.payments.PaymentStatus;
import dev.paydeck.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the customer is told on the success page, for each status Stripe may report. */
class PayOutcomeTests {

    @Test
    void eachStatusTellsTheCustomerWhereTheyStand() {
        assertThat(PayLinkPagesController.outcome(payment(PaymentStatus.SUCCEEDED, null))).isEqualTo("succeeded");
        assertThat(PayLinkPagesController.outcome(payment(PaymentStatus.REQUIRES_CAPTURE, null)))
                .isEqualTo("succeeded");
        assertThat(PayLinkPagesController.outcome(payment(PaymentStatus.PROCESSING, null))).isEqualTo("processing");
        assertThat(PayLinkPagesController.outcome(payment(PaymentStatus.CANCELED, null))).isEqualTo("canceled");
        assertThat(PayLinkPagesController.outcome(payment(PaymentStatus.REQUIRES_PAYMENT_METHOD,
                new Payment.LastError("card_declined", "generic_decline", "Your card was declined."))))
                .isEqualTo("failed");
        assertThat(PayLinkPagesController.outcome(payment(PaymentStatus.REQUIRES_PAYMENT_METHOD, null)))
                .isEqualTo("open");
        assertThat(PayLinkPagesController.outcome(payment(PaymentStatus.REQUIRES_ACTION, null))).isEqualTo("open");
    }

    private static Payment payment(PaymentStatus status, Payment.LastError error) {
        Money amount = Money.of(1250, "USD");
        return new Payment(PaymentId.random(), "pi_123", null, amount, null, Map.of(), "automatic", status,
                amount.withMinor(0), amount.withMinor(0), amount.withMinor(0), error, null, null);
    }
}
