package dev.paydeck.sandbox.charges;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Charges as the payment flows make them: one per payment attempt ({@code charge.succeeded} or
 * {@code charge.failed}), captured later for manual capture ({@code charge.captured}), refunded
 * ({@code charge.refunded}).
 */
@Service
public class Charges {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;

    Charges(ObjectStore store, SandboxClock clock, SandboxEvents events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /** Records an attempt to charge the intent's amount to the card: succeeded, or failed with the decline. */
    public ObjectNode attempt(StripeCall call, ObjectNode intent, ObjectNode paymentMethod, TestCards.Decline decline,
            boolean capture, boolean authenticated) {
        ObjectNode charge = ChargeJson.create(store.newObject("charge", "ch", clock.now()), intent, paymentMethod,
                decline, capture, authenticated);
        store.insert(call.accountId(), charge);
        events.publish(call, decline == null ? "charge.succeeded" : "charge.failed", charge);
        return charge;
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
        charge.put("amount_captured", amount);
        charge.put("captured", true);
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
