package dev.paydeck.sandbox;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.param.ChargeListParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCaptureParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxPaymentIntentsIntegrationTests extends SandboxTest {

    @Autowired
    JdbcClient jdbc;

    static PaymentIntentCreateParams.Builder cardPayment(long amount, String currency) {
        return PaymentIntentCreateParams.builder().setAmount(amount).setCurrency(currency)
                .addPaymentMethodType("card");
    }

    @Test
    void creatingAndConfirmingWithATestCardTokenMakesOnePaymentMethod() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(cardPayment(1500, "eur")
                .setPaymentMethod("pm_card_visa").setConfirm(true).build());

        assertThat(intent.getStatus()).isEqualTo("succeeded");
        var paymentMethods = stripe.v1().paymentMethods().list(
                com.stripe.param.PaymentMethodListParams.builder().setType(
                        com.stripe.param.PaymentMethodListParams.Type.CARD).build()).getData();
        assertThat(paymentMethods).extracting(com.stripe.model.PaymentMethod::getId)
                .containsExactly(intent.getPaymentMethod());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "4242424242424242, succeeded, , , visa",
            "5555555555554444, succeeded, , , mastercard",
            "4000000000000002, declined, card_declined, generic_decline, visa",
            "4000000000009995, declined, card_declined, insufficient_funds, visa",
            "4000000000000069, declined, expired_card, expired_card, visa",
            "4000000000000127, declined, incorrect_cvc, incorrect_cvc, visa",
            "4000000000000119, declined, processing_error, processing_error, visa",
            "4000002500003155, requires_action, , , visa",
            "4000002760003184, requires_action, , , visa",
            "4000000000003220, requires_action, , , visa"})
    void everyTestCardBehavesAsStripesDoesOnConfirm(String number, String outcome, String code, String declineCode,
            String brand) throws Exception {
        var paymentMethod = stripe.v1().paymentMethods().create(SandboxPaymentMethodsIntegrationTests.card(number,
                12, SandboxPaymentMethodsIntegrationTests.nextYear(), "123"));
        PaymentIntent intent = stripe.v1().paymentIntents().create(cardPayment(2000, "usd")
                .setPaymentMethod(paymentMethod.getId()).build());
        assertThat(intent.getStatus()).isEqualTo("requires_confirmation");

        if (outcome.equals("declined")) {
            assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(intent.getId()))
                    .isInstanceOfSatisfying(CardException.class, error -> {
                        assertThat(error.getStatusCode()).isEqualTo(402);
                        assertThat(error.getCode()).isEqualTo(code);
                        assertThat(error.getDeclineCode()).isEqualTo(declineCode);
                        assertThat(error.getStripeError().getPaymentIntent().getId()).isEqualTo(intent.getId());
                        assertThat(error.getStripeError().getPaymentIntent().getStatus())
                                .isEqualTo("requires_payment_method");
                    });
            PaymentIntent failed = stripe.v1().paymentIntents().retrieve(intent.getId());
            assertThat(failed.getStatus()).isEqualTo("requires_payment_method");
            assertThat(failed.getLastPaymentError().getType()).isEqualTo("card_error");
            assertThat(failed.getLastPaymentError().getCode()).isEqualTo(code);
            assertThat(failed.getLastPaymentError().getDeclineCode()).isEqualTo(declineCode);
            assertThat(failed.getLastPaymentError().getPaymentMethod().getId()).isEqualTo(paymentMethod.getId());
            assertThat(failed.getPaymentMethod()).isNull();
            Charge charge = stripe.v1().charges().retrieve(failed.getLatestCharge());
            assertThat(charge.getStatus()).isEqualTo("failed");
            assertThat(charge.getPaid()).isFalse();
            assertThat(charge.getFailureCode()).isEqualTo(code);
            assertThat(charge.getOutcome().getType()).isEqualTo("issuer_declined");
        } else {
            PaymentIntent confirmed = stripe.v1().paymentIntents().confirm(intent.getId());
            assertThat(confirmed.getStatus()).isEqualTo(outcome);
            if (outcome.equals("succeeded")) {
                assertThat(confirmed.getAmountReceived()).isEqualTo(2000L);
                Charge charge = stripe.v1().charges().retrieve(confirmed.getLatestCharge());
                assertThat(charge.getPaid()).isTrue();
                assertThat(charge.getCaptured()).isTrue();
                assertThat(charge.getAmountCaptured()).isEqualTo(2000L);
                assertThat(charge.getOutcome().getNetworkStatus()).isEqualTo("approved_by_network");
                assertThat(charge.getPaymentMethodDetails().getCard().getBrand()).isEqualTo(brand);
                assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo(number.substring(12));
            } else {
                assertThat(confirmed.getNextAction().getType()).isEqualTo("use_stripe_sdk");
                assertThat(confirmed.getLatestCharge()).isNull();
            }
        }
    }

    @Test
    void threeDSecureRedirectsToTheHostedChallengeAndCompletes() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(cardPayment(1500, "eur")
                .setPaymentMethod("pm_card_threeDSecure2Required").setConfirm(true)
                .setReturnUrl("https://shop.example/return?order=7").build());

        assertThat(intent.getStatus()).isEqualTo("requires_action");
        assertThat(intent.getNextAction().getType()).isEqualTo("redirect_to_url");
        String challenge = intent.getNextAction().getRedirectToUrl().getUrl();
        assertThat(challenge).startsWith(url("/sandbox/3ds/" + intent.getId()));
        assertThat(intent.getNextAction().getRedirectToUrl().getReturnUrl())
                .isEqualTo("https://shop.example/return?order=7");

        var page = send(request(challenge.substring(url("").length())).header("Accept", "text/html").GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Complete authentication", "Fail authentication", "€15.00");

        var completed = postForm("/sandbox/3ds/" + intent.getId() + "/complete", intent.getClientSecret(),
                "text/html");
        assertThat(completed.statusCode()).isEqualTo(303);
        String location = completed.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("https://shop.example/return?order=7&payment_intent=" + intent.getId())
                .contains("payment_intent_client_secret=" + intent.getClientSecret())
                .endsWith("redirect_status=succeeded");

        PaymentIntent after = stripe.v1().paymentIntents().retrieve(intent.getId());
        assertThat(after.getStatus()).isEqualTo("succeeded");
        assertThat(after.getNextAction()).isNull();
        Charge charge = stripe.v1().charges().retrieve(after.getLatestCharge());
        assertThat(charge.getPaymentMethodDetails().getCard().getThreeDSecure().getResult())
                .isEqualTo("authenticated");
        assertThat(eventTypes()).containsSubsequence("payment_intent.created", "payment_intent.requires_action",
                "charge.succeeded", "payment_intent.succeeded");
    }

    @Test
    void failedAuthenticationReturnsToRequiresPaymentMethod() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(cardPayment(1500, "usd")
                .setPaymentMethod("pm_card_authenticationRequired").setConfirm(true)
                .setReturnUrl("https://shop.example/return").build());

        var failed = postForm("/sandbox/3ds/" + intent.getId() + "/fail", intent.getClientSecret(), "text/html");
        assertThat(failed.statusCode()).isEqualTo(303);
        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("redirect_status=failed");

        PaymentIntent after = stripe.v1().paymentIntents().retrieve(intent.getId());
        assertThat(after.getStatus()).isEqualTo("requires_payment_method");
        assertThat(after.getLastPaymentError().getCode()).isEqualTo("payment_intent_authentication_failure");
        assertThat(after.getLatestCharge()).isNull();
        assertThat(eventTypes()).endsWith("payment_intent.payment_failed");

        var again = postForm("/sandbox/3ds/" + intent.getId() + "/complete", intent.getClientSecret(),
                "application/json");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(json(again).get("error").get("code").asString()).isEqualTo("payment_intent_unexpected_state");
    }

    @Test
    void withoutReturnUrlTheSdkCompletesThroughTheJsonEndpoint() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(cardPayment(1500, "usd")
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .setPaymentMethod("pm_card_threeDSecureRequired").setConfirm(true).build());
        assertThat(intent.getNextAction().getType()).isEqualTo("use_stripe_sdk");

        var wrongSecret = postForm("/sandbox/3ds/" + intent.getId() + "/complete", "pi_x_secret_y",
                "application/json");
        assertThat(wrongSecret.statusCode()).isEqualTo(404);

        var completed = postForm("/sandbox/3ds/" + intent.getId() + "/complete", intent.getClientSecret(),
                "application/json");
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(json(completed).get("status").asString()).isEqualTo("requires_capture");
        assertThat(json(completed).get("amount_capturable").asLong()).isEqualTo(1500);
    }

    @Test
    void offSessionCardsNeedingAuthenticationAreDeclined() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(1000, "usd")
                .setCustomer(customer.getId()).setPaymentMethod("pm_card_authenticationRequired")
                .setConfirm(true).setOffSession(true).build()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("authentication_required");
                    assertThat(error.getDeclineCode()).isEqualTo("authentication_required");
                    assertThat(error.getStripeError().getPaymentIntent().getStatus())
                            .isEqualTo("requires_payment_method");
                });
    }

    @Test
    void aCardSetUpOnSessionPaysOffSessionWithoutAuthentication() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        PaymentIntent first = stripe.v1().paymentIntents().create(cardPayment(1000, "usd")
                .setCustomer(customer.getId()).setPaymentMethod("pm_card_authenticationRequiredOnSetup")
                .setSetupFutureUsage(PaymentIntentCreateParams.SetupFutureUsage.OFF_SESSION)
                .setConfirm(true).build());
        assertThat(first.getStatus()).isEqualTo("requires_action");
        String paymentMethod = first.getPaymentMethod();
        postForm("/sandbox/3ds/" + first.getId() + "/complete", first.getClientSecret(), "application/json");
        assertThat(stripe.v1().paymentMethods().retrieve(paymentMethod).getCustomer()).isEqualTo(customer.getId());

        PaymentIntent later = stripe.v1().paymentIntents().create(cardPayment(1000, "usd")
                .setCustomer(customer.getId()).setPaymentMethod(paymentMethod).setConfirm(true).setOffSession(true)
                .build());
        assertThat(later.getStatus()).isEqualTo("succeeded");
    }

    @Test
    void manualCaptureFullAndPartial() throws Exception {
        PaymentIntent full = stripe.v1().paymentIntents().create(cardPayment(5000, "usd")
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .setPaymentMethod("pm_card_visa").setConfirm(true).build());
        assertThat(full.getStatus()).isEqualTo("requires_capture");
        assertThat(full.getAmountCapturable()).isEqualTo(5000L);
        assertThat(stripe.v1().charges().retrieve(full.getLatestCharge()).getCaptured()).isFalse();

        PaymentIntent captured = stripe.v1().paymentIntents().capture(full.getId());
        assertThat(captured.getStatus()).isEqualTo("succeeded");
        assertThat(captured.getAmountReceived()).isEqualTo(5000L);
        assertThat(captured.getAmountCapturable()).isZero();
        Charge charge = stripe.v1().charges().retrieve(captured.getLatestCharge());
        assertThat(charge.getCaptured()).isTrue();
        assertThat(charge.getAmountCaptured()).isEqualTo(5000L);

        PaymentIntent partial = stripe.v1().paymentIntents().create(cardPayment(5000, "usd")
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .setPaymentMethod("pm_card_visa").setConfirm(true).build());
        assertThatThrownBy(() -> stripe.v1().paymentIntents().capture(partial.getId(),
                PaymentIntentCaptureParams.builder().setAmountToCapture(6000L).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error ->
                        assertThat(error.getCode()).isEqualTo("amount_too_large"));
        PaymentIntent partlyCaptured = stripe.v1().paymentIntents().capture(partial.getId(),
                PaymentIntentCaptureParams.builder().setAmountToCapture(3000L).build());
        assertThat(partlyCaptured.getAmountReceived()).isEqualTo(3000L);
        assertThat(stripe.v1().charges().retrieve(partlyCaptured.getLatestCharge()).getAmountCaptured())
                .isEqualTo(3000L);
        assertThat(eventTypes()).contains("payment_intent.amount_capturable_updated", "charge.captured");
    }

    @Test
    void cancelsWithAReasonAndReleasesAnAuthorization() throws Exception {
        PaymentIntent open = stripe.v1().paymentIntents().create(cardPayment(1000, "usd").build());
        PaymentIntent canceled = stripe.v1().paymentIntents().cancel(open.getId(), PaymentIntentCancelParams
                .builder().setCancellationReason(PaymentIntentCancelParams.CancellationReason.REQUESTED_BY_CUSTOMER)
                .build());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCancellationReason()).isEqualTo("requested_by_customer");
        assertThat(canceled.getCanceledAt()).isNotNull();

        PaymentIntent authorized = stripe.v1().paymentIntents().create(cardPayment(1000, "usd")
                .setCaptureMethod(PaymentIntentCreateParams.CaptureMethod.MANUAL)
                .setPaymentMethod("pm_card_visa").setConfirm(true).build());
        stripe.v1().paymentIntents().cancel(authorized.getId());
        Charge released = stripe.v1().charges().retrieve(authorized.getLatestCharge());
        assertThat(released.getRefunded()).isTrue();
        assertThat(eventTypes()).contains("payment_intent.canceled");
    }

    @Test
    void transitionsStripeForbidsAreRefusedWithItsWording() throws Exception {
        PaymentIntent succeeded = stripe.v1().paymentIntents().create(cardPayment(1000, "usd")
                .setPaymentMethod("pm_card_visa").setConfirm(true).build());
        assertThatThrownBy(() -> stripe.v1().paymentIntents().capture(succeeded.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(400);
                    assertThat(error.getCode()).isEqualTo("payment_intent_unexpected_state");
                    assertThat(error.getStripeError().getMessage())
                            .isEqualTo("This PaymentIntent could not be captured because it has already been captured.");
                    assertThat(error.getStripeError().getPaymentIntent().getId()).isEqualTo(succeeded.getId());
                    assertThat(error.getStripeError().getPaymentIntent().getStatus()).isEqualTo("succeeded");
                    assertThat(error.getStripeError().getPaymentIntent().getAmountReceived()).isEqualTo(1000L);
                });
        assertThatThrownBy(() -> stripe.v1().paymentIntents().cancel(succeeded.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStripeError().getMessage()).isEqualTo("You cannot cancel this "
                            + "PaymentIntent because it has a status of succeeded. Only a PaymentIntent with one "
                            + "of the following statuses may be canceled: requires_payment_method, "
                            + "requires_capture, requires_confirmation, requires_action, processing.");
                    assertThat(error.getStripeError().getPaymentIntent().getStatus()).isEqualTo("succeeded");
                });

        PaymentIntent canceled = stripe.v1().paymentIntents().create(cardPayment(1000, "usd").build());
        stripe.v1().paymentIntents().cancel(canceled.getId());
        assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(canceled.getId(),
                PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("payment_intent_unexpected_state");
                    assertThat(error.getStripeError().getMessage()).startsWith(
                            "You cannot confirm this PaymentIntent because it has a status of canceled.");
                    assertThat(error.getStripeError().getPaymentIntent().getId()).isEqualTo(canceled.getId());
                    assertThat(error.getStripeError().getPaymentIntent().getStatus()).isEqualTo("canceled");
                    assertThat(error.getStripeError().getPaymentIntent().getPaymentMethod()).isNull();
                });

        PaymentIntent open = stripe.v1().paymentIntents().create(cardPayment(1000, "usd").build());
        assertThatThrownBy(() -> stripe.v1().paymentIntents().capture(open.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error ->
                        assertThat(error.getStripeError().getMessage()).isEqualTo("This PaymentIntent could not be "
                                + "captured because it has a status of requires_payment_method. Only a PaymentIntent "
                                + "with one of the following statuses may be captured: requires_capture."));
        assertThatThrownBy(() -> stripe.v1().paymentIntents().confirm(open.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("payment_intent_unexpected_state");
                    assertThat(error.getStripeError().getPaymentIntent().getStatus())
                            .isEqualTo("requires_payment_method");
                });
    }

    @Test
    void amountsFollowStripesCurrencyRules() throws Exception {
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(49, "usd").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("amount_too_small");
                    assertThat(error.getParam()).isEqualTo("amount");
                    assertThat(error.getStripeError().getMessage()).isEqualTo("Amount must be at least $0.50 usd");
                });
        assertThat(stripe.v1().paymentIntents().create(cardPayment(50, "usd").build()).getAmount()).isEqualTo(50L);

        assertThat(stripe.v1().paymentIntents().create(cardPayment(50, "jpy").setPaymentMethod("pm_card_visa")
                .setConfirm(true).build()).getAmountReceived()).isEqualTo(50L);
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(49, "jpy").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error ->
                        assertThat(error.getStripeError().getMessage()).isEqualTo("Amount must be at least ¥50 jpy"));

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(199999, "cop").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error ->
                        assertThat(error.getCode()).isEqualTo("amount_too_small"));
        assertThat(stripe.v1().paymentIntents().create(cardPayment(200000, "COP").build()).getCurrency())
                .isEqualTo("cop");

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(100_000_000, "usd").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error ->
                        assertThat(error.getCode()).isEqualTo("amount_too_large"));
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(1000, "xyz").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getParam()).isEqualTo("currency");
                    assertThat(error.getStripeError().getMessage())
                            .startsWith("Invalid currency: xyz. Stripe currently supports these currencies: usd, aed");
                });
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(1000, "usd")
                .setStatementDescriptor("A DESCRIPTOR TOO LONG 123").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getParam()).isEqualTo("statement_descriptor");
                    assertThat(error.getStripeError().getMessage()).isEqualTo("The statement descriptor must be at "
                            + "most 22 characters. A DESCRIPTOR TOO LONG 123 is 25 characters long.");
                });
    }

    @Test
    void automaticPaymentMethodsNeedAReturnUrlUnlessRedirectsAreOff() throws Exception {
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(1000L).setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true).build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error ->
                        assertThat(error.getParam()).isEqualTo("return_url"));
        PaymentIntent noRedirects = stripe.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(1000L).setCurrency("usd").setPaymentMethod("pm_card_visa").setConfirm(true)
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER)
                        .build()).build());
        assertThat(noRedirects.getStatus()).isEqualTo("succeeded");
        assertThat(noRedirects.getAutomaticPaymentMethods().getEnabled()).isTrue();
    }

    @Test
    void aPublishableKeyReadsAndConfirmsWithTheClientSecretOnly() throws Exception {
        PaymentIntent intent = stripe.v1().paymentIntents().create(cardPayment(1000, "usd")
                .putMetadata("order", "7").build());
        var publishable = clientFor(publishableKey);

        PaymentIntent seen = publishable.v1().paymentIntents().retrieve(intent.getId(),
                PaymentIntentRetrieveParams.builder().setClientSecret(intent.getClientSecret()).build());
        assertThat(seen.getStatus()).isEqualTo("requires_payment_method");
        assertThat(seen.getMetadata()).isEmpty();

        assertThatThrownBy(() -> publishable.v1().paymentIntents().retrieve(intent.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error ->
                        assertThat(error.getParam()).isEqualTo("client_secret"));
        assertThatThrownBy(() -> publishable.v1().paymentIntents().retrieve(intent.getId(),
                PaymentIntentRetrieveParams.builder().setClientSecret(intent.getId() + "_secret_wrong").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> assertThat(error.getStripeError()
                        .getMessage()).isEqualTo("The client_secret provided does not match the client_secret "
                        + "associated with the PaymentIntent."));
        assertThatThrownBy(() -> publishable.v1().paymentIntents().capture(intent.getId()))
                .isInstanceOf(com.stripe.exception.PermissionException.class);

        // Stripe.js confirms with raw card details in payment_method_data and the client secret.
        var confirmed = sandboxCall("POST", "/v1/payment_intents/" + intent.getId() + "/confirm",
                "client_secret=" + URLEncoder.encode(intent.getClientSecret(), StandardCharsets.UTF_8)
                        + "&payment_method_data[type]=card&payment_method_data[card][number]=4242424242424242"
                        + "&payment_method_data[card][exp_month]=12&payment_method_data[card][exp_year]="
                        + SandboxPaymentMethodsIntegrationTests.nextYear()
                        + "&payment_method_data[card][cvc]=123&return_url=https%3A%2F%2Fshop.example%2Fdone",
                publishableKey);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json(confirmed).get("status").asString()).isEqualTo("succeeded");
        var refused = sandboxCall("POST", "/v1/payment_intents/" + intent.getId() + "/confirm",
                "payment_method=pm_card_visa", publishableKey);
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void expandsLatestChargeCustomerAndPaymentMethod() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build());
        PaymentIntent intent = stripe.v1().paymentIntents().create(cardPayment(1000, "usd")
                .setCustomer(customer.getId()).setPaymentMethod("pm_card_mastercard").setConfirm(true).build());

        PaymentIntent expanded = stripe.v1().paymentIntents().retrieve(intent.getId(), PaymentIntentRetrieveParams
                .builder().addExpand("latest_charge").addExpand("customer").addExpand("payment_method").build());
        assertThat(expanded.getLatestChargeObject().getAmount()).isEqualTo(1000L);
        assertThat(expanded.getCustomerObject().getName()).isEqualTo("Ada");
        assertThat(expanded.getPaymentMethodObject().getCard().getBrand()).isEqualTo("mastercard");
    }

    @Test
    void listsByCustomerAndCreatedWithPaging() throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().build());
        for (int i = 0; i < 3; i++) {
            stripe.v1().paymentIntents().create(cardPayment(1000 + i, "usd").setCustomer(customer.getId()).build());
        }
        stripe.v1().paymentIntents().create(cardPayment(5000, "usd").build());

        var mine = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder()
                .setCustomer(customer.getId()).setLimit(2L).build());
        assertThat(mine.getData()).extracting(PaymentIntent::getAmount).containsExactly(1002L, 1001L);
        assertThat(mine.getHasMore()).isTrue();
        var next = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder().setCustomer(customer.getId())
                .setStartingAfter(mine.getData().get(1).getId()).build());
        assertThat(next.getData()).extracting(PaymentIntent::getAmount).containsExactly(1000L);

        var all = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder()
                .setCreated(PaymentIntentListParams.Created.builder().setGte(0L).build()).build());
        assertThat(all.getData()).hasSize(4);
        var none = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder()
                .setCreated(PaymentIntentListParams.Created.builder().setLt(1L).build()).build());
        assertThat(none.getData()).isEmpty();
        var charges = stripe.v1().charges().list(ChargeListParams.builder().setCustomer(customer.getId()).build());
        assertThat(charges.getData()).isEmpty();
    }

    private java.net.http.HttpResponse<String> postForm(String path, String clientSecret, String accept) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("client_secret="
                        + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))));
    }

    private List<String> eventTypes() {
        String account = jdbc.sql("select id from sandbox.accounts where secret_key = ?").param(secretKey)
                .query(String.class).single();
        return jdbc.sql("select data->>'type' from sandbox.objects where account_id = ? and object = 'event' "
                + "order by seq").param(account).query(String.class).list();
    }
}
