package dev.paydeck.sandbox.refunds;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.balance.BalanceTransactions;
import dev.paydeck.sandbox.charges.Charges;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentintents.Currencies;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * Refunding a captured charge, up to what is left of it: the refund, its balance transaction, its events and the
 * charge's refunded amount. {@code /v1/refunds} and credit notes ({@code refund_amount}) refund through it.
 */
@Service
public class Refunds {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final Charges charges;
    private final BalanceTransactions balance;
    private final RefundOutcomes outcomes;

    Refunds(ObjectStore store, SandboxClock clock, SandboxEvents events, Charges charges,
            BalanceTransactions balance, RefundOutcomes outcomes) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.charges = charges;
        this.balance = balance;
        this.outcomes = outcomes;
    }

    /** What is left to refund of the charge. */
    public static long refundable(ObjectNode charge) {
        return charge.get("amount_captured").asLong() - charge.get("amount_refunded").asLong();
    }

    /**
     * Refunds {@code amount} of the charge (all that is left when null), refused as Stripe refuses an amount larger
     * than what is left; {@code param} names the parameter the refusals point at. Returns the refund as created.
     */
    public ObjectNode refund(StripeCall call, ObjectNode charge, Long amount, String reason,
            Map<String, Object> metadata, String param, String amountParam) {
        String currency = charge.get("currency").asString();
        long remaining = refundable(charge);
        if (remaining <= 0) {
            throw StripeError.builder(400).code("charge_already_refunded").param(param)
                    .message("Charge " + charge.get("id").asString() + " has already been refunded.").build();
        }
        long refunded = amount != null ? amount : remaining;
        if (refunded < 1) {
            throw StripeError.invalid(amountParam, "This value must be greater than or equal to 1.");
        }
        if (refunded > remaining) {
            throw StripeError.builder(400).code("amount_too_large").param(amountParam)
                    .message("Refund amount (" + Currencies.format(refunded, currency) + ") is greater than "
                            + "unrefunded amount on charge (" + Currencies.format(remaining, currency) + ")")
                    .build();
        }
        TestCards.Card card = charges.behaviour(call, charge);
        ObjectNode refund = RefundJson.create(store.newObject("refund", "re",
                clock.nowFor(call.accountId(), StripeObjects.string(charge, "customer"))), charge, refunded, reason,
                metadata, RefundOutcomes.initialStatus(card));
        refund.put("balance_transaction", balance.refund(call, refund).get("id").asString());
        store.insert(call.accountId(), refund);
        events.publish(call, "refund.created", refund);
        charges.recordRefund(call, charge, refund);
        ObjectNode answered = refund.deepCopy();
        outcomes.settle(call, refund, card);
        return answered;
    }

    /** The captured charge, for a refund of another resource (a credit note's). */
    public ObjectNode charge(StripeCall call, String chargeId, String param) {
        return charges.require(call, chargeId, param);
    }
}
