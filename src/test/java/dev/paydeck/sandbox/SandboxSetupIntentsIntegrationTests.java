package dev.paydeck.sandbox;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Customer;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.PaymentMethod;
import com.stripe.model.SetupAttempt;
import com.stripe.model.SetupIntent;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.EventListParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SetupAttemptListParams;
import com.stripe.param.SetupIntentCancelParams;
import com.stripe.param.SetupIntentConfirmParams;
import com.stripe.param.SetupIntentCreateParams;
import com.stripe.param.SetupIntentListParams;
import com.stripe.param.SetupIntentRetrieveParams;
import com.stripe.param.SetupIntentUpdateParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Saving a card with a SetupIntent, as a merchant does it with stripe-java: the statuses, the 3-D Secure challenge,
 * declines, the events, the card attached to the customer, and what later off-session payments with the saved card
 * do for each of Stripe's test cards.
 */
class SandboxSetupIntentsIntegrationTests extends SandboxTest {

    private Customer customer;

    @BeforeEach
    void aCustomer() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setEmail("ada@example.com").build());
    }

    private SetupIntentCreateParams.Builder cardSetup() {
        return SetupIntentCreateParams.builder().setCustomer(customer.getId()).addPaymentMethodType("card");
    }

    private PaymentMethod card(String number) throws Exception {
        return stripe.v1().paymentMethods().create(SandboxPaymentMethodsIntegrationTests.card(number, 12,
                SandboxPaymentMethodsIntegrationTests.nextYear(), "123"));
    }

    @Test
    void aNewSetupIntentWaitsForAPaymentMethodAndIsForOffSessionUse() throws Exception {
        SetupIntent intent = stripe.v1().setupIntents().create(SetupIntentCreateParams.builder()
                .setCustomer(customer.getId()).setDescription("Save a card").putMetadata("order", "42").build());

        assertThat(intent.getId()).startsWith("seti_");
        assertThat(intent.getObject()).isEqualTo("setup_intent");
        assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
        assertThat(intent.getUsage()).isEqualTo("off_session");
        assertThat(intent.getClientSecret()).matches(intent.getId() + "_secret_[A-Za-z0-9]+");
        assertThat(intent.getPaymentMethodTypes()).containsExactly("card");
        assertThat(intent.getAutomaticPaymentMethods().getEnabled()).isTrue();
        assertThat(intent.getCustomer()).isEqualTo(customer.getId());
        assertThat(intent.getDescription()).isEqualTo("Save a card");
        assertThat(intent.getMetadata()).containsEntry("order", "42");
        assertThat(intent.getLastSetupError()).isNull();
        assertThat(intent.getLatestAttempt()).isNull();
        assertThat(intent.getNextAction()).isNull();
        assertThat(intent.getPaymentMethodOptions().getCard().getRequestThreeDSecure()).isEqualTo("automatic");
        assertThat(eventTypes()).containsExactly("customer.created", "setup_intent.created");

        SetupIntent onSession = stripe.v1().setupIntents().create(cardSetup()
                .setUsage(SetupIntentCreateParams.Usage.ON_SESSION).build());
        assertThat(onSession.getUsage()).isEqualTo("on_session");
        assertThat(onSession.getAutomaticPaymentMethods()).isNull();
    }

    @Test
    void theSuccessCardIsSavedAndAttachedToTheCustomer() throws Exception {
        SetupIntent intent = stripe.v1().setupIntents().create(cardSetup().setPaymentMethod("pm_card_visa").build());
        assertThat(intent.getStatus()).isEqualTo("requires_confirmation");

        SetupIntent confirmed = stripe.v1().setupIntents().confirm(intent.getId());

        assertThat(confirmed.getStatus()).isEqualTo("succeeded");
        assertThat(confirmed.getLastSetupError()).isNull();
        PaymentMethod saved = stripe.v1().paymentMethods().retrieve(confirmed.getPaymentMethod());
        assertThat(saved.getCustomer()).isEqualTo(customer.getId());
        assertThat(stripe.v1().customers().paymentMethods().list(customer.getId()).getData())
                .extracting(PaymentMethod::getId).containsExactly(saved.getId());
        assertThat(eventTypes()).containsExactly("customer.created", "setup_intent.created",
                "payment_method.attached", "setup_intent.succeeded");

        SetupAttempt attempt = stripe.v1().setupIntents().retrieve(intent.getId(), SetupIntentRetrieveParams
                .builder().addExpand("latest_attempt").build()).getLatestAttemptObject();
        assertThat(attempt.getId()).startsWith("setatt_");
        assertThat(attempt.getStatus()).isEqualTo("succeeded");
        assertThat(attempt.getSetupIntent()).isEqualTo(intent.getId());
        assertThat(attempt.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");
        assertThat(stripe.v1().setupAttempts().list(SetupAttemptListParams.builder().setSetupIntent(intent.getId())
                .build()).getData()).extracting(SetupAttempt::getId).containsExactly(attempt.getId());

        assertThatThrownBy(() -> stripe.v1().setupIntents().confirm(intent.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("setup_intent_unexpected_state");
                    assertThat(error.getStripeError().getMessage()).isEqualTo("You cannot confirm this SetupIntent "
                            + "because it has already succeeded.");
                    assertThat(error.getStripeError().getSetupIntent().getStatus()).isEqualTo("succeeded");
                });
    }

    @Test
    void serverSideConfirmationWithAutomaticPaymentMethodsNeedsAReturnUrl() throws Exception {
        SetupIntent intent = stripe.v1().setupIntents().create(SetupIntentCreateParams.builder()
                .setCustomer(customer.getId()).setPaymentMethod("pm_card_visa").build());

        assertThatThrownBy(() -> stripe.v1().setupIntents().confirm(intent.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getParam()).isEqualTo("return_url"));

        SetupIntent confirmed = stripe.v1().setupIntents().confirm(intent.getId(), SetupIntentConfirmParams
                .builder().setReturnUrl("https://shop.example/saved").build());
        assertThat(confirmed.getStatus()).isEqualTo("succeeded");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4000002500003155", "4000002760003184"})
    void aCardThatAsksForAuthenticationIsSavedAfterTheChallenge(String number) throws Exception {
        PaymentMethod paymentMethod = card(number);
        SetupIntent intent = stripe.v1().setupIntents().create(cardSetup().setPaymentMethod(paymentMethod.getId())
                .setConfirm(true).setReturnUrl("https://shop.example/saved").build());

        assertThat(intent.getStatus()).isEqualTo("requires_action");
        assertThat(intent.getNextAction().getType()).isEqualTo("redirect_to_url");
        assertThat(intent.getNextAction().getRedirectToUrl().getReturnUrl()).isEqualTo("https://shop.example/saved");
        String challenge = intent.getNextAction().getRedirectToUrl().getUrl();
        assertThat(challenge).startsWith(url("/sandbox/3ds/" + intent.getId()));
        assertThat(stripe.v1().paymentMethods().retrieve(paymentMethod.getId()).getCustomer()).isNull();

        var page = send(request(challenge.substring(url("").length())).header("Accept", "text/html").GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Card setup").contains("Complete authentication").contains("•••• "
                + number.substring(12));

        var completed = postForm("/sandbox/3ds/" + intent.getId() + "/complete", intent.getClientSecret(),
                "text/html");
        assertThat(completed.statusCode()).isEqualTo(303);
        assertThat(completed.headers().firstValue("Location").orElseThrow())
                .startsWith("https://shop.example/saved?setup_intent=" + intent.getId())
                .contains("setup_intent_client_secret=")
                .endsWith("redirect_status=succeeded");

        SetupIntent after = stripe.v1().setupIntents().retrieve(intent.getId(), SetupIntentRetrieveParams.builder()
                .addExpand("latest_attempt").build());
        assertThat(after.getStatus()).isEqualTo("succeeded");
        assertThat(after.getNextAction()).isNull();
        assertThat(after.getLatestAttemptObject().getStatus()).isEqualTo("succeeded");
        assertThat(after.getLatestAttemptObject().getPaymentMethodDetails().getCard().getThreeDSecure().getResult())
                .isEqualTo("authenticated");
        assertThat(stripe.v1().paymentMethods().retrieve(paymentMethod.getId()).getCustomer())
                .isEqualTo(customer.getId());
        assertThat(eventTypes()).containsExactly("customer.created", "setup_intent.created",
                "setup_intent.requires_action", "payment_method.attached", "setup_intent.succeeded");
    }

    @Test
    void withoutAReturnUrlStripeJsHandlesTheChallengeAndGetsTheSetupIntentAsJson() throws Exception {
        SetupIntent intent = stripe.v1().setupIntents().create(cardSetup()
                .setPaymentMethod("pm_card_authenticationRequired").setConfirm(true).build());
        assertThat(intent.getNextAction().getType()).isEqualTo("use_stripe_sdk");

        var completed = postForm("/sandbox/3ds/" + intent.getId() + "/complete", intent.getClientSecret(),
                "application/json");

        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(json(completed).get("object").asString()).isEqualTo("setup_intent");
        assertThat(json(completed).get("status").asString()).isEqualTo("succeeded");
        assertThat(json(completed).has("_authenticated")).isFalse();
        var wrongSecret = postForm("/sandbox/3ds/" + intent.getId() + "/complete", "seti_x_secret_y",
                "application/json");
        assertThat(wrongSecret.statusCode()).isEqualTo(404);
    }

    @Test
    void failingTheChallengeLeavesTheSetupWaitingForAnotherCard() throws Exception {
        SetupIntent intent = stripe.v1().setupIntents().create(cardSetup()
                .setPaymentMethod("pm_card_authenticationRequiredOnSetup").setConfirm(true)
                .setReturnUrl("https://shop.example/saved").build());

        var failed = postForm("/sandbox/3ds/" + intent.getId() + "/fail", intent.getClientSecret(), "text/html");

        assertThat(failed.headers().firstValue("Location").orElseThrow()).endsWith("redirect_status=failed");
        SetupIntent after = stripe.v1().setupIntents().retrieve(intent.getId());
        assertThat(after.getStatus()).isEqualTo("requires_payment_method");
        assertThat(after.getPaymentMethod()).isNull();
        assertThat(after.getLastSetupError().getCode()).isEqualTo("setup_intent_authentication_failure");
        assertThat(after.getLastSetupError().getMessage()).isEqualTo("We are unable to authenticate your payment "
                + "method. Please choose a different payment method and try again.");
        assertThat(after.getLastSetupError().getPaymentMethod().getCard().getLast4()).isEqualTo("3155");
        assertThat(stripe.v1().customers().paymentMethods().list(customer.getId()).getData()).isEmpty();
        assertThat(eventTypes()).containsExactly("customer.created", "setup_intent.created",
                "setup_intent.requires_action", "setup_intent.setup_failed");

        SetupIntent retried = stripe.v1().setupIntents().confirm(intent.getId(), SetupIntentConfirmParams.builder()
                .setPaymentMethod("pm_card_visa").build());
        assertThat(retried.getStatus()).isEqualTo("succeeded");
        assertThat(retried.getLastSetupError()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4000000000000002:card_declined:generic_decline",
            "4000000000009995:card_declined:insufficient_funds", "4000000000000069:expired_card:expired_card",
            "4000000000000127:incorrect_cvc:incorrect_cvc", "4000000000000119:processing_error:processing_error"})
    void aDeclinedCardIsNotSaved(String card) throws Exception {
        String[] parts = card.split(":");
        PaymentMethod paymentMethod = card(parts[0]);
        SetupIntent intent = stripe.v1().setupIntents().create(cardSetup().setPaymentMethod(paymentMethod.getId())
                .build());

        assertThatThrownBy(() -> stripe.v1().setupIntents().confirm(intent.getId()))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getCode()).isEqualTo(parts[1]);
                    assertThat(error.getDeclineCode()).isEqualTo(parts[2]);
                    assertThat(error.getStripeError().getSetupIntent().getId()).isEqualTo(intent.getId());
                    assertThat(error.getStripeError().getSetupIntent().getStatus())
                            .isEqualTo("requires_payment_method");
                });

        SetupIntent after = stripe.v1().setupIntents().retrieve(intent.getId());
        assertThat(after.getStatus()).isEqualTo("requires_payment_method");
        assertThat(after.getLastSetupError().getType()).isEqualTo("card_error");
        assertThat(after.getLastSetupError().getDeclineCode()).isEqualTo(parts[2]);
        assertThat(stripe.v1().paymentMethods().retrieve(paymentMethod.getId()).getCustomer()).isNull();
        assertThat(eventTypes()).endsWith("setup_intent.setup_failed");
    }

    @Test
    void canceledWithAReasonAndNoMoreAfter() throws Exception {
        SetupIntent intent = stripe.v1().setupIntents().create(cardSetup().build());

        SetupIntent canceled = stripe.v1().setupIntents().cancel(intent.getId(), SetupIntentCancelParams.builder()
                .setCancellationReason(SetupIntentCancelParams.CancellationReason.REQUESTED_BY_CUSTOMER).build());

        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCancellationReason()).isEqualTo("requested_by_customer");
        assertThat(eventTypes()).endsWith("setup_intent.canceled");
        assertThatThrownBy(() -> stripe.v1().setupIntents().cancel(intent.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getCode()).isEqualTo("setup_intent_unexpected_state");
                    assertThat(error.getStripeError().getMessage()).isEqualTo("You cannot cancel this SetupIntent "
                            + "because it is already canceled.");
                    assertThat(error.getStripeError().getSetupIntent().getId()).isEqualTo(intent.getId());
                });
        assertThatThrownBy(() -> stripe.v1().setupIntents().confirm(intent.getId(), SetupIntentConfirmParams
                .builder().setPaymentMethod("pm_card_visa").build()))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void updatedBeforeConfirmingAndListedByCustomerAndPaymentMethod() throws Exception {
        SetupIntent first = stripe.v1().setupIntents().create(cardSetup().build());
        SetupIntent updated = stripe.v1().setupIntents().update(first.getId(), SetupIntentUpdateParams.builder()
                .setPaymentMethod("pm_card_mastercard").putMetadata("plan", "pro").build());
        assertThat(updated.getStatus()).isEqualTo("requires_confirmation");
        assertThat(updated.getMetadata()).containsEntry("plan", "pro");
        SetupIntent other = stripe.v1().setupIntents().create(SetupIntentCreateParams.builder()
                .addPaymentMethodType("card").build());

        assertThat(stripe.v1().setupIntents().list(SetupIntentListParams.builder().setCustomer(customer.getId())
                .build()).getData()).extracting(SetupIntent::getId).containsExactly(first.getId());
        assertThat(stripe.v1().setupIntents().list(SetupIntentListParams.builder()
                .setPaymentMethod(updated.getPaymentMethod()).build()).getData())
                .extracting(SetupIntent::getId).containsExactly(first.getId());
        assertThat(stripe.v1().setupIntents().list().getData()).extracting(SetupIntent::getId)
                .containsExactly(other.getId(), first.getId());

        stripe.v1().setupIntents().confirm(first.getId());
        assertThat(stripe.v1().setupIntents().update(first.getId(), SetupIntentUpdateParams.builder()
                .putMetadata("plan", "team").build()).getMetadata()).containsEntry("plan", "team");
        assertThatThrownBy(() -> stripe.v1().setupIntents().update(first.getId(), SetupIntentUpdateParams.builder()
                .setPaymentMethod("pm_card_visa").build()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getCode()).isEqualTo("setup_intent_unexpected_state"));
    }

    @Test
    void aPublishableKeyReadsAndConfirmsOnlyWithTheClientSecret() throws Exception {
        SetupIntent intent = stripe.v1().setupIntents().create(cardSetup().putMetadata("secret", "yes").build());
        var publishable = clientFor(publishableKey);

        assertThatThrownBy(() -> publishable.v1().setupIntents().retrieve(intent.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        error -> assertThat(error.getParam()).isEqualTo("client_secret"));
        SetupIntent seen = publishable.v1().setupIntents().retrieve(intent.getId(), SetupIntentRetrieveParams
                .builder().setClientSecret(intent.getClientSecret()).build());
        assertThat(seen.getStatus()).isEqualTo("requires_payment_method");
        assertThat(seen.getMetadata()).isEmpty();

        var confirmed = sandboxCall("POST", "/v1/setup_intents/" + intent.getId() + "/confirm",
                "client_secret=" + URLEncoder.encode(intent.getClientSecret(), StandardCharsets.UTF_8)
                        + "&payment_method_data[type]=card&payment_method_data[card][number]=4242424242424242"
                        + "&payment_method_data[card][exp_month]=12&payment_method_data[card][exp_year]="
                        + SandboxPaymentMethodsIntegrationTests.nextYear()
                        + "&payment_method_data[card][cvc]=123", publishableKey);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(json(confirmed).get("status").asString()).isEqualTo("succeeded");
        assertThat(stripe.v1().customers().paymentMethods().list(customer.getId()).getData()).hasSize(1);
        var cancel = sandboxCall("POST", "/v1/setup_intents/" + intent.getId() + "/cancel", "", publishableKey);
        assertThat(cancel.statusCode()).isIn(401, 403);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Later payments with the saved card, the customer away: what each test card does off-session.

    private PaymentIntentCreateParams offSessionPayment(String paymentMethod) {
        return PaymentIntentCreateParams.builder().setAmount(1999L).setCurrency("usd").addPaymentMethodType("card")
                .setCustomer(customer.getId()).setPaymentMethod(paymentMethod).setOffSession(true).setConfirm(true)
                .build();
    }

    private String savedCard(String number) throws Exception {
        SetupIntent intent = stripe.v1().setupIntents().create(cardSetup().setPaymentMethod(card(number).getId())
                .setConfirm(true).build());
        if (intent.getStatus().equals("requires_action")) {
            var completed = postForm("/sandbox/3ds/" + intent.getId() + "/complete", intent.getClientSecret(),
                    "application/json");
            assertThat(json(completed).get("status").asString()).isEqualTo("succeeded");
        }
        SetupIntent after = stripe.v1().setupIntents().retrieve(intent.getId());
        assertThat(after.getStatus()).isEqualTo("succeeded");
        return after.getPaymentMethod();
    }

    @Test
    void theSuccessCardPaysOffSession() throws Exception {
        PaymentIntent payment = stripe.v1().paymentIntents().create(offSessionPayment(savedCard("4242424242424242")));

        assertThat(payment.getStatus()).isEqualTo("succeeded");
        assertThat(payment.getAmountReceived()).isEqualTo(1999L);
    }

    @Test
    void theCardThatAuthenticatesUnlessSetUpPaysOffSessionOnceSetUp() throws Exception {
        PaymentIntent payment = stripe.v1().paymentIntents().create(offSessionPayment(savedCard("4000002500003155")));

        assertThat(payment.getStatus()).isEqualTo("succeeded");
    }

    @Test
    void theSameCardMerelyAttachedWithoutASetupIsDeclinedOffSession() throws Exception {
        PaymentMethod attached = stripe.v1().paymentMethods().attach(card("4000002500003155").getId(),
                PaymentMethodAttachParams.builder().setCustomer(customer.getId()).build());

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(offSessionPayment(attached.getId())))
                .isInstanceOfSatisfying(CardException.class,
                        error -> assertThat(error.getCode()).isEqualTo("authentication_required"));
    }

    @Test
    void theCardThatAlwaysAuthenticatesIsDeclinedOffSessionEvenWhenSetUp() throws Exception {
        String saved = savedCard("4000002760003184");

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(offSessionPayment(saved)))
                .isInstanceOfSatisfying(CardException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(402);
                    assertThat(error.getCode()).isEqualTo("authentication_required");
                    assertThat(error.getDeclineCode()).isEqualTo("authentication_required");
                    PaymentIntent payment = error.getStripeError().getPaymentIntent();
                    assertThat(payment.getStatus()).isEqualTo("requires_payment_method");
                    assertThat(payment.getLastPaymentError().getPaymentMethod().getId()).isEqualTo(saved);
                });
    }

    // ------------------------------------------------------------------------------------------------------------

    private HttpResponse<String> postForm(String path, String clientSecret, String accept) {
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("client_secret="
                        + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))));
    }

    /** The account's event types, oldest first. */
    private List<String> eventTypes() throws Exception {
        List<String> types = new ArrayList<>();
        for (Event event : stripe.v1().events().list(EventListParams.builder().setLimit(100L).build()).getData()) {
            types.add(event.getType());
        }
        Collections.reverse(types);
        return types;
    }
}
