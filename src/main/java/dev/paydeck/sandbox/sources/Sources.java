package dev.paydeck.sandbox.sources;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentmethods.PaymentMethods;
import dev.paydeck.sandbox.paymentmethods.TestCards;
import dev.paydeck.sandbox.tokens.Tokens;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A customer's cards in the legacy flow: a card is added from a token, the first one becomes the customer's
 * {@code default_source}, and deleting the default makes the most recently added card the default (or none), as
 * Stripe does. Charges find the card to charge here.
 */
@Service
public class Sources {

    private final ObjectStore store;
    private final Tokens tokens;
    private final SandboxEvents events;

    Sources(ObjectStore store, Tokens tokens, SandboxEvents events) {
        this.store = store;
        this.tokens = tokens;
        this.events = events;
    }

    ObjectNode add(StripeCall call, String customerId, String token, Map<String, Object> metadata,
            boolean hasMetadata) {
        ObjectNode customer = store.require(call.accountId(), customerId, "customer", "customer");
        ObjectNode card = card(call, customerId, token, "source");
        if (hasMetadata) {
            StripeObjects.applyMetadata(card, metadata);
        }
        store.insert(call.accountId(), card);
        events.publish(call, "customer.source.created", card);
        if (customer.path("default_source").isNull()) {
            setDefault(call, customer, card.get("id").asString());
        }
        return card;
    }

    /**
     * A new customer's first card ({@code POST /v1/customers} with {@code source=tok_...}): stored, and made the
     * customer's {@code default_source} on the customer about to be created.
     */
    public ObjectNode addToNewCustomer(StripeCall call, ObjectNode customer, String token) {
        ObjectNode card = card(call, customer.get("id").asString(), token, "source");
        store.insert(call.accountId(), card);
        customer.put("default_source", card.get("id").asString());
        events.publish(call, "customer.source.created", card);
        return card;
    }

    /** The customer's card a {@code default_source} parameter names, or Stripe's {@code No such source}. */
    public ObjectNode requireCard(StripeCall call, String customerId, String cardId, String param) {
        return store.find(call.accountId(), cardId)
                .filter(found -> "card".equals(found.get("object").asString())
                        && customerId.equals(found.path("customer").asString(null)))
                .orElseThrow(() -> StripeError.resourceMissing("source", cardId, param));
    }

    private ObjectNode card(StripeCall call, String customerId, String token, String param) {
        ObjectNode card = Tokens.card(tokens.use(call, token, param));
        TestCards.Card behaviour = Tokens.behaviour(card);
        if (behaviour.declinesAttaching()) {
            throw PaymentMethods.attachDeclined(behaviour.decline());
        }
        card.put("customer", customerId);
        if (card.path("cvc_check").asString("").equals("unchecked")) {
            // Adding a card to a customer verifies it with the issuer; test cards pass.
            card.put("cvc_check", "pass");
        }
        return card;
    }

    StripeList list(StripeCall call, String customerId, ListQuery query, String url) {
        store.require(call.accountId(), customerId, "customer", "customer");
        return store.list(call.accountId(), "card", query.where("customer", customerId), url);
    }

    /** One of the customer's cards, or Stripe's {@code No such source}. */
    ObjectNode require(StripeCall call, String customerId, String cardId) {
        store.require(call.accountId(), customerId, "customer", "customer");
        return requireCard(call, customerId, cardId, "id");
    }

    /**
     * The card a charge of the customer uses: the one named (it must be the customer's), or the customer's
     * {@code default_source}; Stripe's card error when the customer has none.
     */
    public ObjectNode toCharge(StripeCall call, String customerId, String cardId) {
        ObjectNode customer = store.require(call.accountId(), customerId, "customer", "customer");
        String id = cardId != null ? cardId : customer.path("default_source").asString(null);
        if (id == null) {
            throw StripeError.builder(402).type("card_error").code("missing").param("card")
                    .message("Cannot charge a customer that has no active card").build();
        }
        return store.find(call.accountId(), id)
                .filter(found -> "card".equals(found.get("object").asString())
                        && customerId.equals(found.path("customer").asString(null)))
                .orElseThrow(() -> StripeError.builder(400).code("missing").param("source")
                        .message("Customer " + customerId + " does not have a linked source with ID " + id + ".")
                        .build());
    }

    ObjectNode delete(StripeCall call, String customerId, String cardId) {
        ObjectNode card = require(call, customerId, cardId);
        store.delete(call.accountId(), cardId);
        events.publish(call, "customer.source.deleted", card);
        ObjectNode customer = store.require(call.accountId(), customerId, "customer", "customer");
        if (cardId.equals(customer.path("default_source").asString(null))) {
            StripeList remaining = store.list(call.accountId(), "card", new ListQuery(new LinkedHashMap<>(),
                    new LinkedHashMap<>(), Map.of(), 1, null, null).where("customer", customerId), "");
            setDefault(call, customer, remaining.data().isEmpty() ? null
                    : remaining.data().getFirst().get("id").asString());
        }
        ObjectNode deleted = card.objectNode();
        deleted.put("id", cardId);
        deleted.put("object", "card");
        deleted.put("deleted", true);
        return deleted;
    }

    /** A card as Stripe renders it: cards have no {@code created} (the store keeps one to order them). */
    static ObjectNode rendered(ObjectNode card) {
        ObjectNode copy = card.deepCopy();
        copy.remove("created");
        return copy;
    }

    private void setDefault(StripeCall call, ObjectNode customer, String cardId) {
        ObjectNode previous = customer.objectNode();
        previous.set("default_source", customer.get("default_source"));
        if (cardId == null) {
            customer.putNull("default_source");
        } else {
            customer.put("default_source", cardId);
        }
        store.update(call.accountId(), customer);
        events.publish(call, "customer.updated", customer, previous);
    }
}
