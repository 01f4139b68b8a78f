package dev.paydeck.sandbox.setupintents;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentintents.IntentAuthentication;
import dev.paydeck.sandbox.paymentintents.IntentRules;
import dev.paydeck.sandbox.paymentmethods.PaymentMethods;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.PROCESSING;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_ACTION;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.SUCCEEDED;

/**
 * What happens when a SetupIntent is confirmed: the test card decides between 3-D Secure ({@code requires_action};
 * every card that ever asks for authentication asks for it when it is set up), a decline (back to
 * {@code requires_payment_method} with {@code last_setup_error}, HTTP 402) and success, which attaches the
 * PaymentMethod to the intent's customer and, for {@code usage=off_session}, sets the card up so that later
 * off-session payments need no authentication where the card allows it (4000 0025 0000 3155). And what the hosted
 * 3-D Secure challenge's outcome does.
 */
@Service
class SetupIntentFlow implements IntentAuthentication {

    static final String AUTHENTICATION_FAILURE_MESSAGE = "We are unable to authenticate your payment method. "
            + "Please choose a different payment method and try again.";

    private final ObjectStore store;
    private final PaymentMethods paymentMethods;
    private final SetupAttempts attempts;
    private final SandboxEvents events;

    SetupIntentFlow(ObjectStore store, PaymentMethods paymentMethods, SetupAttempts attempts, SandboxEvents events) {
        this.store = store;
        this.paymentMethods = paymentMethods;
        this.attempts = attempts;
        this.events = events;
    }

    /** Confirms an intent that has a payment method: requires_action, succeeded, or a decline (thrown). */
    ObjectNode attempt(StripeCall call, ObjectNode intent) {
        ObjectNode paymentMethod = store.require(call.accountId(), intent.get("payment_method").asString(),
                "payment_method", "payment_method");
        TestCards.Card card = PaymentMethods.behaviour(paymentMethod);
        boolean authenticated = intent.path("_authenticated").asBoolean(false);
        if (!authenticated && needsAuthentication(card)) {
            return requireAction(call, intent, paymentMethod);
        }
        SetupIntentJson.status(intent, PROCESSING);
        if (card.declinesSetup()) {
            throw decline(call, intent, paymentMethod, card.decline(), authenticated);
        }
        return succeed(call, intent, paymentMethod, authenticated);
    }

    /** Setting a card up is on-session: any card that may ask for 3-D Secure asks for it now. */
    static boolean needsAuthentication(TestCards.Card card) {
        return card.authentication() != TestCards.Authentication.NONE;
    }

    private ObjectNode requireAction(StripeCall call, ObjectNode intent, ObjectNode paymentMethod) {
        SetupIntentJson.status(intent, REQUIRES_ACTION);
        IntentRules.nextActionForChallenge(intent);
        attempts.record(call, intent, paymentMethod, "requires_action", null, null);
        store.update(call.accountId(), intent);
        events.publish(call, "setup_intent.requires_action", intent);
        return intent;
    }

    private StripeError decline(StripeCall call, ObjectNode intent, ObjectNode paymentMethod,
            TestCards.Decline decline, boolean authenticated) {
        ObjectNode error = intent.objectNode();
        error.put("code", decline.code());
        error.put("decline_code", decline.declineCode());
        error.put("doc_url", "https://stripe.com/docs/error-codes/" + decline.code().replace('_', '-'));
        error.put("message", decline.message());
        if (decline.param() != null) {
            error.put("param", decline.param());
        }
        error.set("payment_method", PaymentMethods.rendered(paymentMethod));
        error.put("type", "card_error");
        fail(call, intent, paymentMethod, error, authenticated ? "authenticated" : null);
        StripeError.Builder builder = StripeError.builder(402).type("card_error").code(decline.code())
                .declineCode(decline.declineCode()).message(decline.message());
        if (decline.param() != null) {
            builder.param(decline.param());
        }
        return builder.with("payment_method", PaymentMethods.rendered(paymentMethod))
                .with("setup_intent", StripeObjects.rendered(intent))
                .build();
    }

    /** Back to requires_payment_method with the error, as Stripe leaves a failed setup. */
    private void fail(StripeCall call, ObjectNode intent, ObjectNode paymentMethod, ObjectNode error,
            String threeDSecure) {
        SetupIntentJson.status(intent, REQUIRES_PAYMENT_METHOD);
        attempts.record(call, intent, paymentMethod, "failed", threeDSecure, error);
        intent.set("last_setup_error", error);
        intent.putNull("payment_method");
        intent.putNull("next_action");
        intent.remove("_authenticated");
        store.update(call.accountId(), intent);
        events.publish(call, "setup_intent.setup_failed", intent);
    }

    private ObjectNode succeed(StripeCall call, ObjectNode intent, ObjectNode paymentMethod, boolean authenticated) {
        SetupIntentJson.status(intent, SUCCEEDED);
        intent.putNull("last_setup_error");
        intent.putNull("next_action");
        attempts.record(call, intent, paymentMethod, "succeeded", authenticated ? "authenticated" : null, null);
        if ("off_session".equals(intent.get("usage").asString())) {
            paymentMethods.markSetUp(call, paymentMethod);
        }
        String customer = StripeObjects.string(intent, "customer");
        if (customer != null) {
            paymentMethods.attach(call, paymentMethod, customer, "customer");
        }
        store.update(call.accountId(), intent);
        events.publish(call, "setup_intent.succeeded", intent);
        return intent;
    }

    @Override
    public String object() {
        return "setup_intent";
    }

    @Override
    public String idPrefix() {
        return "seti_";
    }

    /** The customer passed the 3-D Secure challenge: the setup goes on. */
    @Override
    public ObjectNode completeAuthentication(StripeCall call, ObjectNode intent) {
        requireChallenge(intent);
        intent.put("_authenticated", true);
        intent.putNull("next_action");
        return attempt(call, intent);
    }

    /** The customer failed the challenge: back to requires_payment_method with setup_intent_authentication_failure. */
    @Override
    public ObjectNode failAuthentication(StripeCall call, ObjectNode intent) {
        requireChallenge(intent);
        ObjectNode paymentMethod = store.require(call.accountId(), intent.get("payment_method").asString(),
                "payment_method", "payment_method");
        ObjectNode error = intent.objectNode();
        error.put("code", "setup_intent_authentication_failure");
        error.put("doc_url", "https://stripe.com/docs/error-codes/setup-intent-authentication-failure");
        error.put("message", AUTHENTICATION_FAILURE_MESSAGE);
        error.set("payment_method", PaymentMethods.rendered(paymentMethod));
        error.put("type", "invalid_request_error");
        fail(call, intent, paymentMethod, error, "failed");
        return intent;
    }

    private static void requireChallenge(ObjectNode intent) {
        if (SetupIntentJson.status(intent) != REQUIRES_ACTION) {
            throw SetupIntentTransitions.unexpectedState("This SetupIntent has no 3D Secure authentication to "
                    + "complete: it has a status of " + intent.get("status").asString() + ".", intent);
        }
    }
}
