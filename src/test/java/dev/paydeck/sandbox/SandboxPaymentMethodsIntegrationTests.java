package dev.paydeck.sandbox;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentMethod;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerPaymentMethodListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.PaymentMethodListParams;
import com.stripe.param.PaymentMethodUpdateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Year;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxPaymentMethodsIntegrationTests extends SandboxTest {

    @Autowired
    JdbcClient jdbc;

    static PaymentMethodCreateParams card(String number, long month, long year, String cvc) {
        return PaymentMethodCreateParams.builder().setType(PaymentMethodCreateParams.Type.CARD)
                .setCard(PaymentMethodCreateParams.CardDetails.builder().setNumber(number).setExpMonth(month)
                        .setExpYear(year).setCvc(cvc).build())
                .setBillingDetails(PaymentMethodCreateParams.BillingDetails.builder().setName("Ada Lovelace")
                        .setEmail("ada@example.com").build())
                .putMetadata("source", "test")
                .build();
    }

    static long nextYear() {
        return Year.now().getValue() + 1;
    }

    @Test
    void createsACardPaymentMethodKeepingOnlyWhatStripeKeeps() throws Exception {
        PaymentMethod created = stripe.v1().paymentMethods().create(card("5555555555554444", 12, nextYear(), "123"));

        assertThat(created.getId()).startsWith("pm_");
        assertThat(created.getType()).isEqualTo("card");
        assertThat(created.getCard().getBrand()).isEqualTo("mastercard");
        assertThat(created.getCard().getLast4()).isEqualTo("4444");
        assertThat(created.getCard().getExpMonth()).isEqualTo(12L);
        assertThat(created.getCard().getExpYear()).isEqualTo(nextYear());
        assertThat(created.getCard().getFunding()).isEqualTo("credit");
        assertThat(created.getCard().getFingerprint()).isNotBlank();
        assertThat(created.getBillingDetails().getName()).isEqualTo("Ada Lovelace");
        assertThat(created.getMetadata()).containsEntry("source", "test");
        assertThat(created.getCustomer()).isNull();

        String stored = jdbc.sql("select data::text from sandbox.objects where id = ?").param(created.getId())
                .query(String.class).single();
        assertThat(stored).doesNotContain("5555555555554444").doesNotContain("\"123\"").doesNotContain("cvc\":");

        PaymentMethod again = stripe.v1().paymentMethods().create(card("5555555555554444", 1, nextYear(), null));
        assertThat(again.getCard().getFingerprint()).isEqualTo(created.getCard().getFingerprint());
        assertThat(stripe.v1().paymentMethods().retrieve(created.getId()).getCard().getLast4()).isEqualTo("4444");
    }

    @Test
    void refusesBadCardDetailsWithStripesCardErrors() {
        assertThatThrownBy(() -> stripe.v1().paymentMethods().create(card("4242424242424241", 12, nextYear(), "1")))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getCode()).isEqualTo("incorrect_number");
                    assertThat(error.getParam()).isEqualTo("card[number]");
                    assertThat(error.getMessage()).startsWith("Your card number is incorrect.");
                });
        assertThatThrownBy(() -> stripe.v1().paymentMethods().create(card("4242424242424242", 12, 2020, "123")))
                .isInstanceOfSatisfying(CardException.class, error ->
                        assertThat(error.getCode()).isEqualTo("invalid_expiry_year"));
        assertThatThrownBy(() -> stripe.v1().paymentMethods().create(card("4242424242424242", 13, nextYear(), "123")))
                .isInstanceOfSatisfying(CardException.class, error ->
                        assertThat(error.getCode()).isEqualTo("invalid_expiry_month"));
        assertThatThrownBy(() -> stripe.v1().paymentMethods().create(card("4242424242424242", 1, nextYear(), "12")))
                .isInstanceOfSatisfying(CardException.class, error ->
                        assertThat(error.getCode()).isEqualTo("invalid_cvc"));
    }

    @Test
    void aPublishableKeyMayCreateButNotRead() throws Exception {
        var publishable = clientFor(publishableKey);
        PaymentMethod created = publishable.v1().paymentMethods().create(card("4242424242424242", 12, nextYear(),
                "123"));
        assertThat(created.getCard().getBrand()).isEqualTo("visa");

        assertThatThrownBy(() -> publishable.v1().paymentMethods().retrieve(created.getId()))
                .isInstanceOfSatisfying(com.stripe.exception.PermissionException.class, error ->
                        assertThat(error.getStatusCode()).isEqualTo(403));
    }

    @Test
    void attachesDetachesAndListsByCustomer() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("c").build());
        PaymentMethod first = stripe.v1().paymentMethods().create(card("4242424242424242", 12, nextYear(), "123"));
        PaymentMethod second = stripe.v1().paymentMethods().create(card("5555555555554444", 12, nextYear(), "123"));

        PaymentMethod attached = stripe.v1().paymentMethods().attach(first.getId(),
                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
        assertThat(attached.getCustomer()).isEqualTo(customer.getId());
        stripe.v1().paymentMethods().attach(second.getId(),
                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());

        var listed = stripe.v1().customers().paymentMethods().list(customer.getId(),
                CustomerPaymentMethodListParams.builder().setType(CustomerPaymentMethodListParams.Type.CARD).build());
        assertThat(listed.getData()).extracting(PaymentMethod::getId).containsExactly(second.getId(), first.getId());
        var page = stripe.v1().paymentMethods().list(PaymentMethodListParams.builder().setCustomer(customer.getId())
                .setType(PaymentMethodListParams.Type.CARD).setLimit(1L).build());
        assertThat(page.getData()).extracting(PaymentMethod::getId).containsExactly(second.getId());
        assertThat(page.getHasMore()).isTrue();

        PaymentMethod detached = stripe.v1().paymentMethods().detach(first.getId());
        assertThat(detached.getCustomer()).isNull();
        assertThat(stripe.v1().paymentMethods().list(PaymentMethodListParams.builder()
                .setCustomer(customer.getId()).build()).getData()).extracting(PaymentMethod::getId)
                .containsExactly(second.getId());
        assertThatThrownBy(() -> stripe.v1().paymentMethods().detach(first.getId()))
                .isInstanceOf(InvalidRequestException.class);

        assertThat(eventTypes()).contains("payment_method.attached", "payment_method.detached");
        Long withPrevious = jdbc.sql("select count(*) from sandbox.objects where object = 'event' and "
                        + "data->>'type' = 'payment_method.detached' and data->'data'->'previous_attributes'->>'customer' = ?")
                .param(customer.getId()).query(Long.class).single();
        assertThat(withPrevious).isEqualTo(1);
    }

    @Test
    void aCardThatSimulatesAnIssuerDeclineCannotBeAttachedButADeclineAfterAttachingCardCan() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        assertThatThrownBy(() -> stripe.v1().paymentMethods().attach("pm_card_visa_chargeDeclinedLostCard",
                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getCode()).isEqualTo("card_declined");
                    assertThat(error.getDeclineCode()).isEqualTo("lost_card");
                });
        assertThatThrownBy(() -> stripe.v1().paymentMethods().attach("pm_card_chargeDeclinedIncorrectCvc",
                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build()))
                .isInstanceOfSatisfying(CardException.class, error ->
                        assertThat(error.getCode()).isEqualTo("incorrect_cvc"));
        assertThat(stripe.v1().customers().paymentMethods().list(customer.getId()).getData()).isEmpty();

        PaymentMethod attached = stripe.v1().paymentMethods().attach("pm_card_chargeCustomerFail",
                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
        assertThat(attached.getCustomer()).isEqualTo(customer.getId());
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(
                PaymentIntentCreateParams.builder().setAmount(1000L).setCurrency("usd")
                        .addPaymentMethodType("card").setCustomer(customer.getId())
                        .setPaymentMethod(attached.getId()).setOffSession(true).setConfirm(true).build()))
                .isInstanceOfSatisfying(CardException.class, error ->
                        assertThat(error.getDeclineCode()).isEqualTo("generic_decline"));
    }

    @Test
    void updatesBillingDetailsAndMetadata() throws Exception {
        PaymentMethod created = stripe.v1().paymentMethods().create(card("4242424242424242", 12, nextYear(), "123"));
        PaymentMethod updated = stripe.v1().paymentMethods().update(created.getId(), PaymentMethodUpdateParams
                .builder().setBillingDetails(PaymentMethodUpdateParams.BillingDetails.builder().setName("Ada King")
                        .build()).putMetadata("source", "").putMetadata("tier", "gold").build());
        assertThat(updated.getBillingDetails().getName()).isEqualTo("Ada King");
        assertThat(updated.getBillingDetails().getEmail()).isEqualTo("ada@example.com");
        assertThat(updated.getMetadata()).containsExactlyEntriesOf(java.util.Map.of("tier", "gold"));
    }

    @Test
    void aTestTokenMakesAFreshPaymentMethodOfThatCard() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("c").build());
        PaymentMethod attached = stripe.v1().paymentMethods().attach("pm_card_visa",
                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());
        assertThat(attached.getId()).startsWith("pm_").isNotEqualTo("pm_card_visa");
        assertThat(attached.getCard().getLast4()).isEqualTo("4242");
        assertThat(attached.getCustomer()).isEqualTo(customer.getId());
    }

    private java.util.List<String> eventTypes() {
        String account = jdbc.sql("select id from sandbox.accounts where secret_key = ?").param(secretKey)
                .query(String.class).single();
        return jdbc.sql("select data->>'type' from sandbox.objects where account_id = ? and object = 'event' "
                + "order by seq").param(account).query(String.class).list();
    }
}
