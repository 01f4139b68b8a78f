package dev.paydeck.sandbox.refunds;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.balance.BalanceTransactions;
import dev.paydeck.sandbox.charges.Charges;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * What Stripe's refund test cards do after the refund was created, as the testing docs describe it: with
 * {@code 4000000000005126} ({@code refundFail}) the refund is first {@code succeeded}, then {@code failed} with
 * {@code failure_reason: expired_or_canceled_card} (the amount comes back to the balance, its
 * {@code failure_balance_transaction}; {@code charge.refund.updated}, {@code refund.updated} and
 * {@code refund.failed}); with {@code 4000000000007726} ({@code pendingRefund}) it is first {@code pending}, then
 * {@code succeeded}. "Some time later" is, in the sandbox, right after the create call: that call answers the first
 * status, and every later read sees the second.
 */
@Component
class RefundOutcomes {

    private final ObjectStore store;
    private final SandboxEvents events;
    private final Charges charges;
    private final BalanceTransactions balance;

    RefundOutcomes(ObjectStore store, SandboxEvents events, Charges charges, BalanceTransactions balance) {
        this.store = store;
        this.events = events;
        this.charges = charges;
        this.balance = balance;
    }

    /** The status a new refund with the card starts with. */
    static String initialStatus(TestCards.Card card) {
        return card.has(TestCards.Effect.REFUND_PENDING) ? "pending" : "succeeded";
    }

    /** Moves the just-created refund to its later status, if the card has one. */
    void settle(StripeCall call, ObjectNode refund, TestCards.Card card) {
        if (card.has(TestCards.Effect.REFUND_FAILS)) {
            ObjectNode previous = refund.objectNode();
            previous.put("status", refund.get("status").asString());
            previous.putNull("failure_balance_transaction");
            previous.putNull("failure_reason");
            refund.put("status", "failed");
            refund.put("failure_reason", "expired_or_canceled_card");
            refund.put("failure_balance_transaction", balance.refundFailure(call, refund).get("id").asString());
            announce(call, refund, previous);
            charges.refundFailed(call, refund);
            events.publish(call, "refund.failed", refund);
        } else if (card.has(TestCards.Effect.REFUND_PENDING)) {
            ObjectNode previous = refund.objectNode();
            previous.put("status", refund.get("status").asString());
            refund.put("status", "succeeded");
            announce(call, refund, previous);
            charges.refreshRefund(call, refund);
        }
    }

    private void announce(StripeCall call, ObjectNode refund, ObjectNode previous) {
        store.update(call.accountId(), refund);
        events.publish(call, "charge.refund.updated", refund, previous);
        events.publish(call, "refund.updated", refund, previous);
    }
}
