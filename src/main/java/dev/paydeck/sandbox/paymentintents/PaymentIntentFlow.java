package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.charges.Charges;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentmethods.PaymentMethods;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.PROCESSING;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_ACTION;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_CAPTURE;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_CONFIRMATION;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.SUCCEEDED;

/**
 * What happens when a PaymentIntent is confirmed: the test card decides between 3-D Secure
 * ({@code requires_action}), a decline (a failed charge, {@code last_payment_error}, back to
 * {@code requires_payment_method}, HTTP 402) and a successful charge ({@code succeeded} or
 * {@code requires_capture}); and what the 3-D Secure challenge's outcome does.
 */
@Service
class PaymentIntentFlow implements IntentAuthentication {

    static final String AUTHENTICATION_FAILURE_MESSAGE = "We are unable to authenticate your payment method. "
            + "Please choose a different payment method and try again.";

    private final ObjectStore store;
    private final PaymentMethods paymentMethods;
    private final Charges charges;
    private final SandboxEvents events;

    PaymentIntentFlow(ObjectStore store, PaymentMethods paymentMethods, Charges charges, SandboxEvents events) {
        this.store = store;
        this.paymentMethods = paymentMethods;
        this.charges = charges;
        this.events = events;
    }

    /** Confirms an intent that has a payment method: requires_action, succeeded/requires_capture, or a decline. */
    ObjectNode attempt(StripeCall call, ObjectNode intent) {
        ObjectNode paymentMethod = store.require(call.accountId(), intent.get("payment_method").asString(),
                "payment_method", "payment_method");
        TestCards.Card card = PaymentMethods.behaviour(paymentMethod);
        boolean authenticated = intent.path("_authenticated").asBoolean(false);
        boolean offSession = intent.path("_off_session").asBoolean(false);
        if (!authenticated && needsAuthentication(card, offSession, PaymentMethods.setUpForFutureUse(paymentMethod))) {
            if (offSession) {
                throw decline(call, intent, paymentMethod, TestCards.AUTHENTICATION_REQUIRED, authenticated);
            }
            return requireAction(call, intent);
        }
        PaymentIntentJson.status(intent, PROCESSING);
        if (card.declines()) {
            throw decline(call, intent, paymentMethod, card.decline(), authenticated);
        }
        return succeed(call, intent, paymentMethod, authenticated);
    }

    /** Whether a card asks for 3-D Secure on this payment (the table in {@link TestCards}). */
    static boolean needsAuthentication(TestCards.Card card, boolean offSession, boolean setUp) {
        return switch (card.authentication()) {
            case NONE -> false;
            case UNLESS_SET_UP -> !(offSession && setUp);
            case ALWAYS -> true;
            case ON_SESSION -> !offSession;
        };
    }

    private ObjectNode requireAction(StripeCall call, ObjectNode intent) {
        PaymentIntentJson.status(intent, REQUIRES_ACTION);
        IntentRules.nextActionForChallenge(intent);
        store.update(call.accountId(), intent);
        events.publish(call, "payment_intent.requires_action", intent);
        return intent;
    }

    private StripeError decline(StripeCall call, ObjectNode intent, ObjectNode paymentMethod,
            TestCards.Decline decline, boolean authenticated) {
        boolean capture = !"manual".equals(intent.get("capture_method").asString());
        ObjectNode charge = charges.attempt(call, intent, paymentMethod, decline, capture, authenticated);
        PaymentIntentJson.status(intent, REQUIRES_PAYMENT_METHOD);
        intent.put("latest_charge", charge.get("id").asString());
        ObjectNode error = intent.putObject("last_payment_error");
        error.put("charge", charge.get("id").asString());
        error.put("code", decline.code());
        error.put("decline_code", decline.declineCode());
        error.put("doc_url", "https://stripe.com/docs/error-codes/" + decline.code().replace('_', '-'));
        error.put("message", decline.message());
        if (decline.param() != null) {
            error.put("param", decline.param());
        }
        error.set("payment_method", PaymentMethods.rendered(paymentMethod));
        error.put("type", "card_error");
        intent.putNull("payment_method");
        intent.putNull("next_action");
        intent.remove("_authenticated");
        store.update(call.accountId(), intent);
        events.publish(call, "payment_intent.payment_failed", intent);
        StripeError.Builder builder = StripeError.builder(402).type("card_error").code(decline.code())
                .declineCode(decline.declineCode()).message(decline.message());
        if (decline.param() != null) {
            builder.param(decline.param());
        }
        return builder.with("charge", charge.get("id").asString())
                .with("payment_intent", StripeObjects.rendered(intent))
                .with("payment_method", PaymentMethods.rendered(paymentMethod))
                .build();
    }

    private ObjectNode succeed(StripeCall call, ObjectNode intent, ObjectNode paymentMethod, boolean authenticated) {
        boolean capture = !"manual".equals(intent.get("capture_method").asString());
        ObjectNode charge = charges.attempt(call, intent, paymentMethod, null, capture, authenticated);
        long amount = intent.get("amount").asLong();
        intent.put("latest_charge", charge.get("id").asString());
        intent.putNull("last_payment_error");
        intent.putNull("next_action");
        if (capture) {
            PaymentIntentJson.status(intent, SUCCEEDED);
            intent.put("amount_received", amount);
            intent.put("amount_capturable", 0);
        } else {
            PaymentIntentJson.status(intent, REQUIRES_CAPTURE);
            intent.put("amount_capturable", amount);
        }
        if (StripeObjects.string(intent, "setup_future_usage") != null) {
            paymentMethods.markSetUp(call, paymentMethod);
            String customer = StripeObjects.string(intent, "customer");
            if (customer != null) {
                paymentMethods.attach(call, paymentMethod, customer, "customer");
            }
        }
        store.update(call.accountId(), intent);
        events.publish(call, capture ? "payment_intent.succeeded" : "payment_intent.amount_capturable_updated",
                intent);
        if (capture) {
            charges.afterSuccess(call, charge.get("id").asString(), PaymentMethods.behaviour(paymentMethod));
        }
        return intent;
    }

    @Override
    public String object() {
        return "payment_intent";
    }

    @Override
    public String idPrefix() {
        return "pi_";
    }

    /** The customer passed the 3-D Secure challenge: the payment goes on (or waits for a manual confirmation). */
    @Override
    public ObjectNode completeAuthentication(StripeCall call, ObjectNode intent) {
        requireChallenge(call, intent);
        intent.put("_authenticated", true);
        intent.putNull("next_action");
        if ("manual".equals(intent.get("confirmation_method").asString())) {
            PaymentIntentJson.status(intent, REQUIRES_CONFIRMATION);
            store.update(call.accountId(), intent);
            return intent;
        }
        return attempt(call, intent);
    }

    /** The customer failed the challenge: back to requires_payment_method, no charge. */
    @Override
    public ObjectNode failAuthentication(StripeCall call, ObjectNode intent) {
        requireChallenge(call, intent);
        ObjectNode paymentMethod = store.require(call.accountId(), intent.get("payment_method").asString(),
                "payment_method", "payment_method");
        PaymentIntentJson.status(intent, REQUIRES_PAYMENT_METHOD);
        ObjectNode error = intent.putObject("last_payment_error");
        error.put("code", "payment_intent_authentication_failure");
        error.put("doc_url", "https://stripe.com/docs/error-codes/payment-intent-authentication-failure");
        error.put("message", AUTHENTICATION_FAILURE_MESSAGE);
        error.set("payment_method", PaymentMethods.rendered(paymentMethod));
        error.put("type", "invalid_request_error");
        intent.putNull("payment_method");
        intent.putNull("next_action");
        store.update(call.accountId(), intent);
        events.publish(call, "payment_intent.payment_failed", intent);
        return intent;
    }

    private static void requireChallenge(StripeCall call, ObjectNode intent) {
        if (PaymentIntentJson.status(intent) != REQUIRES_ACTION) {
            throw PaymentIntentTransitions.unexpectedState("This PaymentIntent has no 3D Secure authentication to "
                    + "complete: it has a status of " + intent.get("status").asString() + ".", intent, call);
        }
    }
}
