package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.CANCELED;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_CONFIRMATION;

/**
 * The PaymentIntent a finalized invoice creates for its amount due, and what the invoice does with it: confirm it
 * with a payment method (the same test cards, declines and 3-D Secure as any PaymentIntent), or cancel it when the
 * invoice is voided or paid out of band.
 */
@Service
public class InvoicePaymentIntents {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final PaymentIntentFlow flow;

    InvoicePaymentIntents(ObjectStore store, SandboxClock clock, SandboxEvents events, PaymentIntentFlow flow) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.flow = flow;
    }

    /** A new intent for the invoice's amount, card only, automatic capture, as Stripe makes it on finalization. */
    public ObjectNode create(StripeCall call, String invoiceId, long amount, String currency, String customer,
            String description) {
        ObjectNode intent = PaymentIntentJson.create(store.newObject("payment_intent", "pi",
                clock.nowFor(call.accountId(), customer)));
        intent.put("amount", amount);
        intent.put("currency", currency);
        intent.put("capture_method", "automatic");
        intent.put("customer", customer);
        intent.put("description", description);
        // The invoice it pays (the API version the sandbox speaks names it only through the invoice's payments).
        intent.put("_invoice", invoiceId);
        store.insert(call.accountId(), intent);
        events.publish(call, "payment_intent.created", intent);
        return intent;
    }

    /**
     * Confirms the intent with the payment method: the intent afterwards (succeeded, or requires_action when
     * 3-D Secure is asked on session); a decline throws Stripe's card error, the failed attempt kept.
     */
    public ObjectNode confirm(StripeCall call, String intentId, ObjectNode paymentMethod, boolean offSession) {
        ObjectNode intent = store.require(call.accountId(), intentId, "payment_intent", "payment_intent");
        PaymentIntentTransitions.check(PaymentIntentTransitions.Operation.CONFIRM, PaymentIntentJson.status(intent));
        IntentRules.takePaymentMethod(intent, paymentMethod);
        if (PaymentIntentJson.status(intent) != REQUIRES_CONFIRMATION) {
            PaymentIntentJson.status(intent, REQUIRES_CONFIRMATION);
        }
        intent.putNull("next_action");
        intent.put("_off_session", offSession);
        return flow.attempt(call, intent);
    }

    /** Whether the intent waits for its customer's 3-D Secure authentication. */
    public static boolean requiresAction(ObjectNode intent) {
        return PaymentIntentJson.status(intent) == PaymentIntentStatus.REQUIRES_ACTION;
    }

    /**
     * The invoice's amount due changed (a credit note lowered it): the intent asks for the new amount, unless it is
     * already past waiting for a payment method.
     */
    public void changeAmount(StripeCall call, String intentId, long amount) {
        ObjectNode intent = store.require(call.accountId(), intentId, "payment_intent", "payment_intent");
        if (PaymentIntentJson.status(intent) != PaymentIntentStatus.REQUIRES_PAYMENT_METHOD
                || intent.get("amount").asLong() == amount) {
            return;
        }
        intent.put("amount", amount);
        store.update(call.accountId(), intent);
    }

    /** Cancels the intent unless it already succeeded or was canceled. */
    public void cancel(StripeCall call, String intentId) {
        ObjectNode intent = store.require(call.accountId(), intentId, "payment_intent", "payment_intent");
        PaymentIntentStatus status = PaymentIntentJson.status(intent);
        if (!PaymentIntentTransitions.Operation.CANCEL.allowedFrom(status) || status == CANCELED) {
            return;
        }
        PaymentIntentJson.status(intent, CANCELED);
        intent.put("canceled_at", clock.nowFor(call.accountId(), StripeObjects.string(intent, "customer")));
        intent.putNull("cancellation_reason");
        intent.put("amount_capturable", 0);
        intent.putNull("next_action");
        store.update(call.accountId(), intent);
        events.publish(call, "payment_intent.canceled", intent);
    }
}
