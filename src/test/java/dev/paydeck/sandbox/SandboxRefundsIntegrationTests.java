package dev.paydeck.sandbox;

import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import com.stripe.param.RefundUpdateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxRefundsIntegrationTests extends SandboxTest {

    @Autowired
    JdbcClient jdbc;

    private PaymentIntent paid(long amount, PaymentIntentCreateParams.CaptureMethod capture) throws Exception {
        return stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder().setAmount(amount)
                .setCurrency("usd").addPaymentMethodType("card").setPaymentMethod("pm_card_visa")
                .setCaptureMethod(capture).setConfirm(true).build());
    }

    @Test
    void refundsAPaymentInFull() throws Exception {
        PaymentIntent intent = paid(2500, PaymentIntentCreateParams.CaptureMethod.AUTOMATIC);

        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER).putMetadata("ticket", "42").build());
        assertThat(refund.getId()).startsWith("re_");
        assertThat(refund.getAmount()).isEqualTo(2500L);
        assertThat(refund.getStatus()).isEqualTo("succeeded");
        assertThat(refund.getCharge()).isEqualTo(intent.getLatestCharge());
        assertThat(refund.getPaymentIntent()).isEqualTo(intent.getId());
        assertThat(refund.getReason()).isEqualTo("requested_by_customer");
        assertThat(refund.getMetadata()).containsEntry("ticket", "42");

        Charge charge = stripe.v1().charges().retrieve(intent.getLatestCharge());
        assertThat(charge.getAmountRefunded()).isEqualTo(2500L);
        assertThat(charge.getRefunded()).isTrue();
        assertThat(charge.getRefunds().getData()).extracting(Refund::getId).containsExactly(refund.getId());

        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setCharge(charge.getId()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("charge_already_refunded");
                    assertThat(error.getStripeError().getMessage())
                            .isEqualTo("Charge " + charge.getId() + " has already been refunded.");
                });
        assertThat(eventTypes()).contains("refund.created", "charge.refunded");
    }

    @Test
    void refundsInSeveralPartsUpToTheCapturedAmount() throws Exception {
        PaymentIntent intent = paid(5000, PaymentIntentCreateParams.CaptureMethod.AUTOMATIC);

        Refund first = stripe.v1().refunds().create(RefundCreateParams.builder().setCharge(intent.getLatestCharge())
                .setAmount(1000L).build());
        Refund second = stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(intent.getId()).setAmount(1500L).build());
        Charge charge = stripe.v1().charges().retrieve(intent.getLatestCharge());
        assertThat(charge.getAmountRefunded()).isEqualTo(2500L);
        assertThat(charge.getRefunded()).isFalse();

        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(intent.getId()).setAmount(2600L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("amount_too_large");
                    assertThat(error.getStripeError().getMessage()).isEqualTo(
                            "Refund amount ($26.00) is greater than unrefunded amount on charge ($25.00)");
                });

        Refund rest = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .build());
        assertThat(rest.getAmount()).isEqualTo(2500L);
        assertThat(stripe.v1().charges().retrieve(charge.getId()).getRefunded()).isTrue();

        var listed = stripe.v1().refunds().list(RefundListParams.builder().setPaymentIntent(intent.getId())
                .setLimit(2L).build());
        assertThat(listed.getData()).extracting(Refund::getId).containsExactly(rest.getId(), second.getId());
        assertThat(listed.getHasMore()).isTrue();
        assertThat(stripe.v1().refunds().list(RefundListParams.builder().setCharge(charge.getId()).build())
                .getData()).extracting(Refund::getId).containsExactly(rest.getId(), second.getId(), first.getId());
    }

    @Test
    void anUncapturedPaymentMustBeCanceledNotRefunded() throws Exception {
        PaymentIntent intent = paid(2500, PaymentIntentCreateParams.CaptureMethod.MANUAL);

        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(intent.getId()).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).startsWith("This uncaptured Charge was created by a PaymentIntent ("
                        + intent.getId() + "). You must cancel the PaymentIntent"));
        PaymentIntent open = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(1000L).setCurrency("usd").addPaymentMethodType("card").build());
        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder()
                .setPaymentIntent(open.getId()).build()))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> stripe.v1().refunds().create(RefundCreateParams.builder().build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void updatesMetadataAndRetrieves() throws Exception {
        PaymentIntent intent = paid(2500, PaymentIntentCreateParams.CaptureMethod.AUTOMATIC);
        Refund refund = stripe.v1().refunds().create(RefundCreateParams.builder().setPaymentIntent(intent.getId())
                .setAmount(500L).build());

        Refund updated = stripe.v1().refunds().update(refund.getId(), RefundUpdateParams.builder()
                .putMetadata("reason", "late delivery").build());
        assertThat(updated.getMetadata()).containsEntry("reason", "late delivery");
        assertThat(stripe.v1().refunds().retrieve(refund.getId()).getMetadata())
                .containsEntry("reason", "late delivery");
        assertThat(eventTypes()).contains("refund.updated");
    }

    private java.util.List<String> eventTypes() {
        String account = jdbc.sql("select id from sandbox.accounts where secret_key = ?").param(secretKey)
                .query(String.class).single();
        return jdbc.sql("select data->>'type' from sandbox.objects where account_id = ? and object = 'event' "
                + "order by seq").param(account).query(String.class).list();
    }
}
