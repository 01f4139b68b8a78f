package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.EnumSet;
import java.util.Map;

import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.INCOMPLETE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.PAST_DUE;
import static dev.paydeck.sandbox.subscriptions.SubscriptionStatus.UNPAID;

/**
 * A subscription waiting for a payment becomes active when its invoice is paid later, however it was paid: the first
 * invoice's PaymentIntent confirmed with its {@code confirmation_secret} ({@code payment_behavior=default_incomplete}),
 * a 3-D Secure challenge completed, or {@code /v1/invoices/{id}/pay}.
 */
@Component
class SubscriptionPayments {

    private final ObjectStore store;
    private final Subscriptions subscriptions;
    private final SandboxAccounts accounts;

    SubscriptionPayments(ObjectStore store, Subscriptions subscriptions, SandboxAccounts accounts) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
    }

    /**
     * {@code payment_settings.save_default_payment_method=on_subscription}: the payment method that paid becomes the
     * subscription's default (the card a customer entered to confirm the first payment).
     */
    private void saveDefaultPaymentMethod(String accountId, ObjectNode subscription, String invoiceId) {
        if (!"on_subscription".equals(subscription.at("/payment_settings/save_default_payment_method").asString())
                || !subscription.path("default_payment_method").isNull()) {
            return;
        }
        store.find(accountId, invoiceId).map(invoice -> invoice.path("_payment_intent").asString(null))
                .flatMap(intent -> store.find(accountId, intent))
                .map(intent -> intent.path("payment_method").asString(null))
                .ifPresent(paymentMethod -> subscription.put("default_payment_method", paymentMethod));
    }

    /** In the transaction that records {@code invoice.paid}. */
    @EventListener
    void eventRecorded(SandboxEvents.EventRecorded recorded) {
        ObjectNode event = recorded.event();
        if (!"invoice.paid".equals(event.path("type").asString())) {
            return;
        }
        String subscriptionId = event.at("/data/object/parent/subscription_details/subscription").asString(null);
        if (subscriptionId == null) {
            return;
        }
        ObjectNode subscription = store.find(recorded.accountId(), subscriptionId).orElse(null);
        if (subscription == null || subscription.has(Subscriptions.BUSY)) {
            return;
        }
        ObjectNode before = subscription.deepCopy();
        subscription.remove("_invoice_due");
        if (EnumSet.of(INCOMPLETE, PAST_DUE, UNPAID).contains(SubscriptionJson.status(subscription))) {
            Subscriptions.status(subscription, SubscriptionStatus.ACTIVE);
            subscription.remove("_retry");
            saveDefaultPaymentMethod(recorded.accountId(), subscription, event.at("/data/object/id").asString());
        }
        subscriptions.save(recorded.accountId(), subscription);
        StripeCall call = new StripeCall(accounts.byId(recorded.accountId()).orElseThrow(), Map.of(), Map.of(), null,
                null, false, event.path("api_version").asString(StripeCall.DEFAULT_API_VERSION));
        subscriptions.publishUpdated(call, before, subscription);
    }
}
