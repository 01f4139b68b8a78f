package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.discounts.Discounts;
import dev.paydeck.sandbox.subscriptions.SubscriptionItems.Given;
import dev.paydeck.sandbox.subscriptions.SubscriptionUpdates.Terms;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/subscriptions/{id}} and {@code /v1/subscription_items}: list (by {@code subscription}),
 * retrieve, and create, update or delete one item, each a change of its subscription ({@link SubscriptionUpdates}).
 */
@Component
class SubscriptionUpdateResource implements StripeResource {

    static final ParamSpec ITEM_CHANGE = SubscriptionResource.ITEM.with(ParamSpec.of().string("id")
            .bool("deleted"));
    private static final String[] PRORATION = {"create_prorations", "none", "always_invoice"};
    private static final String[] PAYMENT = {"allow_incomplete", "default_incomplete", "error_if_incomplete",
            "pending_if_incomplete"};
    private static final ParamSpec UPDATE = ParamSpec.of()
            .string("default_payment_method", "description", "trial_end")
            .objectList("items", ITEM_CHANGE)
            .stringList("default_tax_rates")
            .objectList("discounts", Discounts.PARAM)
            .oneOf("collection_method", "charge_automatically", "send_invoice")
            .integer("days_until_due", "cancel_at", "proration_date")
            .bool("cancel_at_period_end", "off_session")
            .oneOf("payment_behavior", PAYMENT)
            .oneOf("proration_behavior", PRORATION)
            .object("trial_settings", SubscriptionResource.TRIAL_SETTINGS)
            .object("cancellation_details", ParamSpec.of().string("comment").string("feedback"))
            .metadata();
    private static final ParamSpec ITEM_UPDATE = ParamSpec.of().string("price").integer("quantity", "proration_date")
            .stringList("tax_rates").objectList("discounts", Discounts.PARAM)
            .oneOf("proration_behavior", PRORATION).oneOf("payment_behavior", PAYMENT).bool("off_session")
            .metadata();
    private static final ParamSpec ITEM_CREATE = ITEM_UPDATE.with(ParamSpec.of().string("subscription")
            .required("subscription", "price"));
    private static final ParamSpec ITEM_DELETE = ParamSpec.of().integer("proration_date")
            .oneOf("proration_behavior", PRORATION).bool("clear_usage");
    private static final ParamSpec ITEM_LIST = ListQuery.PAGING.with(ParamSpec.of().string("subscription")
            .required("subscription"));

    private final SubscriptionUpdates updates;
    private final Subscriptions subscriptions;
    private final SubscriptionItems items;

    SubscriptionUpdateResource(SubscriptionUpdates updates, Subscriptions subscriptions, SubscriptionItems items) {
        this.updates = updates;
        this.subscriptions = subscriptions;
        this.items = items;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/subscriptions/{id}", UPDATE, this::update);
        routes.get("/v1/subscription_items", ITEM_LIST, this::listItems);
        routes.post("/v1/subscription_items", ITEM_CREATE, this::createItem);
        routes.get("/v1/subscription_items/{id}", ParamSpec.of(), this::retrieveItem);
        routes.post("/v1/subscription_items/{id}", ITEM_UPDATE, this::updateItem);
        routes.delete("/v1/subscription_items/{id}", ITEM_DELETE, this::deleteItem);
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode subscription = subscriptions.require(call.accountId(), call.path("id"), "id");
        List<Given> changes = items.given(call.accountId(), call.list("items"), "items");
        return updates.update(call, subscription, changes, Terms.of(call));
    }

    private StripeList listItems(StripeCall call) {
        subscriptions.require(call.accountId(), call.string("subscription"), "subscription");
        return subscriptions.store().list(call.accountId(), "subscription_item", ListQuery.from(call)
                .where("subscription", call.string("subscription")), "/v1/subscription_items");
    }

    private ObjectNode retrieveItem(StripeCall call) {
        return item(call);
    }

    private ObjectNode item(StripeCall call) {
        return subscriptions.store().find(call.accountId(), call.path("id"))
                .filter(found -> "subscription_item".equals(found.path("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("subscription_item", call.path("id"), "id"));
    }

    private ObjectNode createItem(StripeCall call) {
        ObjectNode subscription = subscriptions.require(call.accountId(), call.string("subscription"),
                "subscription");
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("price", call.string("price"));
        given.put("quantity", call.longValue("quantity"));
        given.put("metadata", call.map("metadata"));
        if (call.has("tax_rates")) {
            given.put("tax_rates", call.list("tax_rates") == null ? List.of() : call.list("tax_rates"));
        }
        if (call.has("discounts")) {
            given.put("discounts", call.list("discounts") == null ? List.of() : call.list("discounts"));
        }
        ObjectNode updated = change(call, subscription, given);
        List<ObjectNode> all = SubscriptionJson.items(updated);
        return all.getLast();
    }

    private ObjectNode updateItem(StripeCall call) {
        ObjectNode item = item(call);
        ObjectNode subscription = subscriptions.require(call.accountId(), item.get("subscription").asString(), "id");
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("id", item.get("id").asString());
        given.put("price", call.string("price"));
        given.put("quantity", call.longValue("quantity"));
        given.put("metadata", call.map("metadata"));
        if (call.has("tax_rates")) {
            given.put("tax_rates", call.list("tax_rates") == null ? List.of() : call.list("tax_rates"));
        }
        if (call.has("discounts")) {
            given.put("discounts", call.list("discounts") == null ? List.of() : call.list("discounts"));
        }
        ObjectNode updated = change(call, subscription, given);
        return SubscriptionJson.items(updated).stream().filter(found -> found.get("id").equals(item.get("id")))
                .findFirst().orElseThrow();
    }

    private ObjectNode deleteItem(StripeCall call) {
        ObjectNode item = item(call);
        ObjectNode subscription = subscriptions.require(call.accountId(), item.get("subscription").asString(), "id");
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("id", item.get("id").asString());
        given.put("deleted", true);
        change(call, subscription, given);
        ObjectNode reply = subscriptions.store().json().createObjectNode();
        reply.put("id", item.get("id").asString());
        reply.put("object", "subscription_item");
        reply.put("deleted", true);
        return reply;
    }

    /** One item's change as a change of its subscription, with the item endpoint's proration terms. */
    private ObjectNode change(StripeCall call, ObjectNode subscription, Map<String, Object> given) {
        given.values().removeIf(value -> value == null);
        List<Given> changes = items.given(call.accountId(), List.of(given), "items");
        StripeCall subscriptionCall = new StripeCall(call.account(), Map.of(), call.pathVariables(),
                call.requestId(), call.idempotencyKey(), call.publishableKey(), call.apiVersion());
        return updates.update(subscriptionCall, subscription, changes, Terms.of(call.params()));
    }
}
