package dev.paydeck.sandbox.charges;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.balance.BalanceTransactions;
import dev.paydeck.sandbox.disputes.Disputes;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentmethods.PaymentMethods;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import dev.paydeck.sandbox.radar.EarlyFraudWarnings;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Charges as the payment flows make them: one per payment attempt ({@code charge.succeeded} or
 * {@code charge.failed}), captured later for manual capture ({@code charge.captured}), refunded
 * ({@code charge.refunded}). A captured charge's funds enter the balance (its {@code balance_transaction}); a
 * dispute test card's captured charge is then disputed, an early fraud warning test card's warned.
 */
@Service
public class Charges {

    /** On a charge: its early fraud warning, once it has received one. */
    private static final String WARNED = "_early_fraud_warning";

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final BalanceTransactions balance;
    private final Disputes disputes;
    private final EarlyFraudWarnings earlyFraudWarnings;

    Charges(ObjectStore store, SandboxClock clock, SandboxEvents events, BalanceTransactions balance,
            Disputes disputes, EarlyFraudWarnings earlyFraudWarnings) {
        this.earlyFraudWarnings = earlyFraudWarnings;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.balance = balance;
        this.disputes = disputes;
    }

    /** Records an attempt to charge the intent's amount to the card: succeeded, or failed with the decline. */
    public ObjectNode attempt(StripeCall call, ObjectNode intent, ObjectNode paymentMethod, TestCards.Decline decline,
            boolean capture, boolean authenticated) {
        return record(call, ChargeJson.Terms.of(intent), paymentMethod, decline, capture, authenticated);
    }

    /** Records an attempt to charge the terms to the payment method: its charge and event. */
    ObjectNode record(StripeCall call, ChargeJson.Terms terms, ObjectNode paymentMethod, TestCards.Decline decline,
            boolean capture, boolean authenticated) {
        ObjectNode charge = ChargeJson.create(store.newObject("charge", "ch",
                clock.nowFor(call.accountId(), terms.customer() == null || !terms.customer().isString() ? null
                        : terms.customer().asString())), terms, paymentMethod,
                decline, capture, authenticated);
        boolean captured = decline == null && capture;
        if (captured) {
            enterBalance(call, charge, paymentMethod);
        }
        store.insert(call.accountId(), charge);
        events.publish(call, decline == null ? "charge.succeeded" : "charge.failed", charge);
        return charge;
    }

    /** The captured amount enters the balance, less Stripe's fee for the card's country. */
    private void enterBalance(StripeCall call, ObjectNode charge, ObjectNode paymentMethod) {
        TestCards.Card card = PaymentMethods.behaviour(paymentMethod);
        String cardCountry = charge.path("payment_method_details").path("card").path("country")
                .asString(card.country());
        ObjectNode transaction = balance.charge(call, charge, charge.get("amount_captured").asLong(), cardCountry,
                card.availableAtOnce());
        charge.put("balance_transaction", transaction.get("id").asString());
    }

    /**
     * What follows a captured payment once its success is announced: a dispute test card's charge is disputed
     * (after {@code payment_intent.succeeded}, as Stripe's dispute comes after the payment).
     */
    public void afterSuccess(StripeCall call, String chargeId) {
        ObjectNode charge = require(call, chargeId, "charge");
        afterSuccess(call, charge, behaviour(call, charge));
    }

    /**
     * {@link #afterSuccess(StripeCall, String)} when the card is known (the charge is read only if something
     * follows).
     */
    public void afterSuccess(StripeCall call, String chargeId, TestCards.Card card) {
        if (card.disputed() || card.has(TestCards.Effect.EARLY_FRAUD_WARNING)) {
            afterSuccess(call, require(call, chargeId, "charge"), card);
        }
    }

    private void afterSuccess(StripeCall call, ObjectNode charge, TestCards.Card card) {
        if (card.has(TestCards.Effect.EARLY_FRAUD_WARNING) && !charge.has(WARNED)) {
            charge.put(WARNED, earlyFraudWarnings.open(call, charge).get("id").asString());
            store.update(call.accountId(), charge);
        }
        if (card.disputed() && !charge.get("disputed").asBoolean()) {
            disputes.open(call, charge, card.dispute());
        }
    }

    /**
     * How the charge's card behaves after the payment (its refunds, its disputes): the test card the charge was
     * made with (for a charge stored without it, its PaymentMethod's).
     */
    public TestCards.Card behaviour(StripeCall call, ObjectNode charge) {
        String key = charge.path("_test_card").asString(null);
        return key != null ? TestCards.byKey(key) : PaymentMethods.behaviour(paymentMethodOf(call, charge));
    }

    /** The charge's PaymentMethod (an empty one, a plain card, if it is gone). */
    private ObjectNode paymentMethodOf(StripeCall call, ObjectNode charge) {
        return store.find(call.accountId(), charge.get("payment_method").asString())
                .orElseGet(() -> charge.objectNode());
    }

    public ObjectNode require(StripeCall call, String id, String param) {
        return store.require(call.accountId(), id, "charge", param);
    }

    /** Captures an authorized charge, fully or partly. */
    public ObjectNode capture(StripeCall call, String chargeId, long amount) {
        ObjectNode charge = require(call, chargeId, "charge");
        ObjectNode previous = charge.objectNode();
        previous.set("amount_captured", charge.get("amount_captured"));
        previous.set("captured", charge.get("captured"));
        previous.set("balance_transaction", charge.get("balance_transaction"));
        charge.put("amount_captured", amount);
        charge.put("captured", true);
        ObjectNode paymentMethod = paymentMethodOf(call, charge);
        enterBalance(call, charge, paymentMethod);
        store.update(call.accountId(), charge);
        events.publish(call, "charge.captured", charge, previous);
        return charge;
    }

    /** Releases an uncaptured authorization (the PaymentIntent was canceled): the whole amount is refunded. */
    public ObjectNode releaseAuthorization(StripeCall call, String chargeId) {
        ObjectNode charge = require(call, chargeId, "charge");
        ObjectNode previous = charge.objectNode();
        previous.set("amount_refunded", charge.get("amount_refunded"));
        previous.set("refunded", charge.get("refunded"));
        charge.put("amount_refunded", charge.get("amount").asLong());
        charge.put("refunded", true);
        store.update(call.accountId(), charge);
        events.publish(call, "charge.refunded", charge, previous);
        return charge;
    }

    /** Adds a refund to the charge's refunded amount and its {@code refunds} list. */
    public ObjectNode recordRefund(StripeCall call, ObjectNode charge, ObjectNode refund) {
        ObjectNode previous = charge.objectNode();
        previous.set("amount_refunded", charge.get("amount_refunded"));
        previous.set("refunded", charge.get("refunded"));
        long refunded = charge.get("amount_refunded").asLong() + refund.get("amount").asLong();
        charge.put("amount_refunded", refunded);
        charge.put("refunded", refunded >= charge.get("amount_captured").asLong());
        ObjectNode refunds = (ObjectNode) charge.get("refunds");
        ((ArrayNode) refunds.get("data")).insert(0, refund.deepCopy());
        refunds.remove("total_count"); // not a field of Stripe's list; charges stored before carried one
        store.update(call.accountId(), charge);
        events.publish(call, "charge.refunded", charge, previous);
        if (charge.has(WARNED)) {
            earlyFraudWarnings.chargeChanged(call, charge.get(WARNED).asString(), charge);
        }
        return charge;
    }

    /** A refund failed: its amount is no longer refunded ({@code charge.refund.updated} announces the refund). */
    public ObjectNode refundFailed(StripeCall call, ObjectNode refund) {
        ObjectNode charge = require(call, refund.get("charge").asString(), "charge");
        long refunded = Math.max(0, charge.get("amount_refunded").asLong() - refund.get("amount").asLong());
        charge.put("amount_refunded", refunded);
        charge.put("refunded", refunded > 0 && refunded >= charge.get("amount_captured").asLong());
        store.update(call.accountId(), charge);
        refreshRefund(call, refund);
        return charge;
    }

    /** Keeps the charge's copy of a refund current after the refund changed. */
    public void refreshRefund(StripeCall call, ObjectNode refund) {
        ObjectNode charge = require(call, refund.get("charge").asString(), "charge");
        ArrayNode data = (ArrayNode) charge.get("refunds").get("data");
        for (int i = 0; i < data.size(); i++) {
            if (data.get(i).get("id").asString().equals(refund.get("id").asString())) {
                data.set(i, refund.deepCopy());
            }
        }
        store.update(call.accountId(), charge);
    }
}
