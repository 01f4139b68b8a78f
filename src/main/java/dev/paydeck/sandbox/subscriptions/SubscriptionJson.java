package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.StripeObjects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A subscription as Stripe renders it in the API version the sandbox speaks (2026-07-29.dahlia: the current period on
 * each item, {@code discounts}), and its items ({@code subscription_item}, each with its full price).
 */
final class SubscriptionJson {

    static final long DAY = 86_400;

    private SubscriptionJson() {
    }

    static ObjectNode create(ObjectNode subscription, ObjectNode customer, String currency) {
        long created = subscription.get("created").asLong();
        subscription.putNull("application");
        subscription.putNull("application_fee_percent");
        subscription.putObject("automatic_tax").put("enabled", false);
        subscription.put("billing_cycle_anchor", created);
        subscription.putNull("billing_thresholds");
        subscription.putNull("cancel_at");
        subscription.put("cancel_at_period_end", false);
        subscription.putNull("canceled_at");
        ObjectNode cancellation = subscription.putObject("cancellation_details");
        cancellation.putNull("comment");
        cancellation.putNull("feedback");
        cancellation.putNull("reason");
        subscription.put("collection_method", "charge_automatically");
        subscription.put("currency", currency);
        subscription.put("customer", customer.get("id").asString());
        subscription.putNull("days_until_due");
        subscription.putNull("default_payment_method");
        subscription.putNull("default_source");
        subscription.putArray("default_tax_rates");
        subscription.putNull("description");
        subscription.putArray("discounts");
        subscription.putNull("ended_at");
        ObjectNode items = subscription.putObject("items");
        items.put("object", "list");
        items.putArray("data");
        items.put("has_more", false);
        items.put("total_count", 0);
        items.put("url", "/v1/subscription_items?subscription=" + subscription.get("id").asString());
        subscription.putNull("latest_invoice");
        subscription.put("livemode", false);
        subscription.putObject("metadata");
        subscription.putNull("next_pending_invoice_item_invoice");
        subscription.putNull("on_behalf_of");
        subscription.putNull("pause_collection");
        ObjectNode paymentSettings = subscription.putObject("payment_settings");
        paymentSettings.putNull("payment_method_options");
        paymentSettings.putNull("payment_method_types");
        paymentSettings.put("save_default_payment_method", "off");
        subscription.putNull("pending_invoice_item_interval");
        subscription.putNull("pending_setup_intent");
        subscription.putNull("pending_update");
        subscription.putNull("schedule");
        subscription.put("start_date", created);
        subscription.put("status", "incomplete");
        subscription.set("test_clock", customer.get("test_clock"));
        subscription.putNull("transfer_data");
        subscription.putNull("trial_end");
        subscription.putObject("trial_settings").putObject("end_behavior")
                .put("missing_payment_method", "create_invoice");
        subscription.putNull("trial_start");
        return subscription;
    }

    /** A new item of the subscription, billing the price in that quantity over the period. */
    static ObjectNode item(ObjectNode item, String subscriptionId, ObjectNode price, long quantity,
            long periodStart, long periodEnd) {
        item.putNull("billing_thresholds");
        item.put("current_period_end", periodEnd);
        item.put("current_period_start", periodStart);
        item.putArray("discounts");
        item.putObject("metadata");
        item.set("price", StripeObjects.rendered(price));
        item.put("quantity", quantity);
        item.put("subscription", subscriptionId);
        item.putArray("tax_rates");
        return item;
    }

    static List<ObjectNode> items(ObjectNode subscription) {
        List<ObjectNode> items = new ArrayList<>();
        subscription.at("/items/data").forEach(item -> items.add((ObjectNode) item));
        return items;
    }

    static void items(ObjectNode subscription, List<ObjectNode> items) {
        ObjectNode list = (ObjectNode) subscription.get("items");
        ArrayNode data = list.putArray("data");
        items.forEach(data::add);
        list.put("total_count", items.size());
    }

    static SubscriptionStatus status(JsonNode subscription) {
        return SubscriptionStatus.of(subscription.get("status").asString());
    }

    /** The current period's end: its items share it. */
    static long periodEnd(JsonNode subscription) {
        return subscription.at("/items/data/0/current_period_end").asLong();
    }

    static long periodStart(JsonNode subscription) {
        return subscription.at("/items/data/0/current_period_start").asLong();
    }

    /** Its items' billing interval (they all share one), counted from its billing cycle anchor. */
    static BillingPeriods periods(JsonNode subscription) {
        JsonNode recurring = subscription.at("/items/data/0/price/recurring");
        return new BillingPeriods(subscription.get("billing_cycle_anchor").asLong(),
                recurring.get("interval").asString(), recurring.get("interval_count").asLong());
    }

    static void period(ObjectNode subscription, long start, long end) {
        for (ObjectNode item : items(subscription)) {
            item.put("current_period_start", start);
            item.put("current_period_end", end);
        }
    }
}
