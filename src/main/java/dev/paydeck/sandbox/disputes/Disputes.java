package dev.paydeck.sandbox.disputes;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.balance.BalanceTransactions;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Disputes as Stripe's dispute test cards open them, right after the charge succeeds ({@code charge.dispute.created},
 * and for a chargeback {@code charge.dispute.funds_withdrawn}: the amount and the dispute fee leave the balance),
 * and their moves through {@link DisputeTransitions}: each move updates the dispute, emits Stripe's events and
 * moves funds (withdrawn on a chargeback, reinstated when it is won).
 */
@Service
public class Disputes {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final BalanceTransactions balance;

    Disputes(ObjectStore store, SandboxClock clock, SandboxEvents events, BalanceTransactions balance) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.balance = balance;
    }

    /**
     * Opens the disputes a test card asks for on its captured charge (the "multiple disputes" card's share the
     * captured amount), and marks the charge disputed.
     */
    public void open(StripeCall call, ObjectNode charge, TestCards.Dispute kind) {
        charge.put("disputed", true);
        store.update(call.accountId(), charge);
        long captured = charge.get("amount_captured").asLong();
        for (int i = 0; i < kind.count(); i++) {
            long share = captured / kind.count() + (i < captured % kind.count() ? 1 : 0);
            open(call, charge, kind, share);
        }
    }

    private void open(StripeCall call, ObjectNode charge, TestCards.Dispute kind, long amount) {
        ObjectNode dispute = DisputeJson.create(store.newObject("dispute", "dp", clock.now()), charge, kind, amount);
        if (!kind.inquiry()) {
            withdrawFunds(call, dispute);
        }
        store.insert(call.accountId(), dispute);
        events.publish(call, "charge.dispute.created", dispute);
        if (!kind.inquiry()) {
            events.publish(call, "charge.dispute.funds_withdrawn", dispute);
        }
    }

    /** Whether the charge was charged back (a dispute took its funds): it can no longer be refunded. */
    public boolean chargedBack(StripeCall call, String chargeId) {
        return store.list(call.accountId(), "dispute", new ListQuery(new LinkedHashMap<>(), new LinkedHashMap<>(),
                        Map.of(), 100, null, null).where("charge", chargeId), "/v1/disputes").data().stream()
                .anyMatch(dispute -> !dispute.get("is_charge_refundable").asBoolean());
    }

    ObjectNode require(StripeCall call, String id) {
        return store.require(call.accountId(), id, "dispute", "dispute");
    }

    /**
     * Moves the dispute by the action: the new status, the funds it moves, and Stripe's events
     * ({@code charge.dispute.closed} when it ends, {@code charge.dispute.funds_reinstated} or
     * {@code charge.dispute.funds_withdrawn} when funds move, {@code charge.dispute.updated} otherwise).
     */
    ObjectNode move(StripeCall call, ObjectNode dispute, DisputeTransitions.Action action) {
        return move(call, dispute.deepCopy(), dispute, action);
    }

    /** {@link #move}, for a dispute already changed since {@code before} (evidence given with its submission). */
    ObjectNode move(StripeCall call, ObjectNode before, ObjectNode dispute, DisputeTransitions.Action action) {
        DisputeStatus from = DisputeJson.status(dispute);
        DisputeStatus to = DisputeTransitions.next(from, action);
        DisputeJson.status(dispute, to);
        boolean withdrawn = DisputeTransitions.withdrawsFunds(from, to);
        boolean reinstated = DisputeTransitions.reinstatesFunds(to);
        if (withdrawn) {
            DisputeJson.escalated(dispute);
            withdrawFunds(call, dispute);
        }
        if (reinstated) {
            ObjectNode transaction = balance.disputeReinstatement(call, dispute);
            ((ArrayNode) dispute.get("balance_transactions")).add(transaction.deepCopy());
        }
        store.update(call.accountId(), dispute);
        ObjectNode previous = StripeObjects.previousAttributes(before, dispute);
        events.publish(call, to.closed() ? "charge.dispute.closed" : "charge.dispute.updated", dispute, previous);
        if (withdrawn) {
            events.publish(call, "charge.dispute.funds_withdrawn", dispute);
        }
        if (reinstated) {
            events.publish(call, "charge.dispute.funds_reinstated", dispute);
        }
        return dispute;
    }

    private void withdrawFunds(StripeCall call, ObjectNode dispute) {
        ObjectNode transaction = balance.disputeWithdrawal(call, dispute);
        ((ArrayNode) dispute.get("balance_transactions")).add(transaction.deepCopy());
        dispute.put("is_charge_refundable", false);
    }

    /** Records a change that moves nothing (evidence staged, metadata) as {@code charge.dispute.updated}. */
    ObjectNode updated(StripeCall call, ObjectNode before, ObjectNode dispute) {
        ObjectNode previous = StripeObjects.previousAttributes(before, dispute);
        if (!previous.isEmpty()) {
            store.update(call.accountId(), dispute);
            events.publish(call, "charge.dispute.updated", dispute, previous);
        }
        return dispute;
    }
}
