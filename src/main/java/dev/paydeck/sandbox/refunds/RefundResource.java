package dev.paydeck.sandbox.refunds;

import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.balance.BalanceTransactions;
import dev.paydeck.sandbox.charges.Charges;
import dev.paydeck.sandbox.disputes.Disputes;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentintents.Currencies;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * {@code /v1/refunds}: refund a captured charge (named by {@code charge} or {@code payment_intent}) fully or in
 * parts up to what was captured (each refund's amount leaves the balance at once, its {@code balance_transaction});
 * retrieve, update metadata, list by charge or payment intent.
 */
@Component
class RefundResource implements StripeResource {

    private static final ParamSpec CREATE = ParamSpec.of()
            .string("charge", "payment_intent", "instructions_email", "currency", "customer", "origin")
            .integer("amount")
            .oneOf("reason", "duplicate", "fraudulent", "requested_by_customer")
            .bool("refund_application_fee", "reverse_transfer")
            .metadata();
    private static final ParamSpec UPDATE = ParamSpec.of().metadata();
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("charge", "payment_intent"));

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final Charges charges;
    private final BalanceTransactions balance;
    private final Disputes disputes;
    private final RefundOutcomes outcomes;

    RefundResource(ObjectStore store, SandboxClock clock, SandboxEvents events, Charges charges,
            BalanceTransactions balance, Disputes disputes, RefundOutcomes outcomes) {
        this.disputes = disputes;
        this.outcomes = outcomes;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.charges = charges;
        this.balance = balance;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/refunds", CREATE, this::create);
        routes.get("/v1/refunds", LIST, this::list);
        routes.get("/v1/refunds/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/refunds/{id}", UPDATE, this::update);
    }

    private ObjectNode create(StripeCall call) {
        ObjectNode charge = refundableCharge(call);
        String currency = charge.get("currency").asString();
        long captured = charge.get("amount_captured").asLong();
        long refunded = charge.get("amount_refunded").asLong();
        long remaining = captured - refunded;
        if (remaining <= 0) {
            throw StripeError.builder(400).code("charge_already_refunded").param(call.has("payment_intent")
                            ? "payment_intent" : "charge")
                    .message("Charge " + charge.get("id").asString() + " has already been refunded.").build();
        }
        long amount = call.has("amount") ? call.longValue("amount") : remaining;
        if (amount < 1) {
            throw StripeError.invalid("amount", "This value must be greater than or equal to 1.");
        }
        if (amount > remaining) {
            throw StripeError.builder(400).code("amount_too_large").param("amount")
                    .message("Refund amount (" + Currencies.format(amount, currency) + ") is greater than "
                            + "unrefunded amount on charge (" + Currencies.format(remaining, currency) + ")")
                    .build();
        }
        TestCards.Card card = charges.behaviour(call, charge);
        ObjectNode refund = RefundJson.create(store.newObject("refund", "re",
                clock.nowFor(call.accountId(), StripeObjects.string(charge, "customer"))), charge, amount,
                call.string("reason"), call.map("metadata"), RefundOutcomes.initialStatus(card));
        refund.put("balance_transaction", balance.refund(call, refund).get("id").asString());
        store.insert(call.accountId(), refund);
        events.publish(call, "refund.created", refund);
        charges.recordRefund(call, charge, refund);
        ObjectNode answered = refund.deepCopy();
        outcomes.settle(call, refund, card);
        return answered;
    }

    /** The captured charge the call names, refused as Stripe refuses uncaptured or failed payments. */
    private ObjectNode refundableCharge(StripeCall call) {
        String chargeId = call.string("charge");
        String intentId = call.string("payment_intent");
        if (chargeId == null && intentId == null) {
            throw StripeError.invalid(null, "One of the following params should be provided for this request: "
                    + "payment_intent or charge.");
        }
        if (intentId != null) {
            ObjectNode intent = store.require(call.accountId(), intentId, "payment_intent", "payment_intent");
            JsonNode latest = intent.get("latest_charge");
            String status = intent.get("status").asString();
            if ("requires_capture".equals(status)) {
                throw uncaptured(intentId, "payment_intent");
            }
            if (!"succeeded".equals(status) || latest == null || latest.isNull()) {
                throw StripeError.invalid("payment_intent", "This PaymentIntent (" + intentId
                        + ") does not have a successful charge to refund.");
            }
            if (chargeId != null && !chargeId.equals(latest.asString())) {
                throw StripeError.invalid("charge", "The charge " + chargeId + " does not belong to the "
                        + "PaymentIntent " + intentId + ".");
            }
            chargeId = latest.asString();
        }
        ObjectNode charge = charges.require(call, chargeId, "charge");
        if (!charge.get("paid").asBoolean()) {
            throw StripeError.invalid("charge", "Charge " + chargeId + " has no successful payment to refund.");
        }
        if (!charge.get("captured").asBoolean()) {
            throw uncaptured(charge.get("payment_intent").asString(), "charge");
        }
        if (charge.get("disputed").asBoolean() && disputes.chargedBack(call, chargeId)) {
            throw StripeError.builder(400).code("charge_disputed").param(call.has("payment_intent")
                            ? "payment_intent" : "charge")
                    .message("Charge " + chargeId + " has been charged back; cannot issue a refund.").build();
        }
        return charge;
    }

    private static StripeError uncaptured(String intentId, String param) {
        return StripeError.invalid(param, "This uncaptured Charge was created by a PaymentIntent (" + intentId
                + "). You must cancel the PaymentIntent to reverse the authorization instead of refunding the Charge "
                + "directly.");
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.require(call.accountId(), call.path("id"), "refund", "refund");
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode refund = store.require(call.accountId(), call.path("id"), "refund", "refund");
        if (!call.has("metadata")) {
            return refund;
        }
        JsonNode before = refund.get("metadata").deepCopy();
        Map<String, Object> given = call.map("metadata");
        StripeObjects.applyMetadata(refund, given);
        ObjectNode metadata = (ObjectNode) refund.get("metadata");
        if (!before.equals(metadata)) {
            store.update(call.accountId(), refund);
            charges.refreshRefund(call, refund);
            ObjectNode previous = refund.objectNode();
            previous.set("metadata", before);
            events.publish(call, "refund.updated", refund, previous);
        }
        return refund;
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "refund", ListQuery.from(call)
                .where("charge", call.string("charge"))
                .where("payment_intent", call.string("payment_intent")), "/v1/refunds");
    }
}
