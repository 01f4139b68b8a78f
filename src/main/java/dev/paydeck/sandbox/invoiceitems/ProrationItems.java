package dev.paydeck.sandbox.invoiceitems;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The invoice items a subscription's change makes ({@code proration: true}): the credit for the unused time on what
 * was billed, the charge for the remaining time on what replaces it, left pending for the customer's next invoice
 * (or taken by an invoice made at once).
 */
@Service
public class ProrationItems {

    /**
     * One proration: its amount (negative for a credit) net of the discounts included in it, what it bills, the time
     * it covers, the tax rates of the item it prorates (null: none) and the discounts included in its amount, by
     * discount id (in the order they applied; empty: none).
     */
    public record Proration(String customer, String subscription, String subscriptionItem, ObjectNode price,
                            long quantity, long amount, String description, long periodStart, long periodEnd,
                            ArrayNode taxRates, Map<String, Long> discounts) {
    }

    private final ObjectStore store;
    private final SandboxEvents events;

    ProrationItems(ObjectStore store, SandboxEvents events) {
        this.store = store;
        this.events = events;
    }

    /** The pending item, stored with {@code invoiceitem.created} when {@code save}, else only made (a preview). */
    public ObjectNode create(StripeCall call, Proration proration, long now, boolean save) {
        ObjectNode item = InvoiceItemJson.create(store.newObject("invoiceitem", "ii", now), proration.customer(),
                now);
        ObjectNode price = proration.price();
        item.put("amount", proration.amount());
        item.put("net_amount", proration.amount());
        item.put("currency", price.get("currency").asString());
        item.put("description", proration.description());
        ObjectNode period = (ObjectNode) item.get("period");
        period.put("end", proration.periodEnd());
        period.put("start", proration.periodStart());
        ObjectNode pricing = item.putObject("pricing");
        ObjectNode details = pricing.putObject("price_details");
        details.put("price", price.get("id").asString());
        details.put("product", price.get("product").asString());
        pricing.put("type", "price_details");
        pricing.put("unit_amount_decimal", price.path("unit_amount_decimal").asString(null));
        item.put("proration", true);
        item.put("quantity", proration.quantity());
        if (proration.taxRates() != null) {
            item.set("tax_rates", proration.taxRates().deepCopy());
        }
        if (!proration.discounts().isEmpty()) {
            // As Stripe's prorations (proration_discounts=included, its default): the amount is net of the
            // discounts, which the item lists; proration_details tells what each took off. An invoice that takes the
            // item applies these discounts to it no more (InvoiceJson).
            ArrayNode ids = item.putArray("discounts");
            ArrayNode amounts = ((ObjectNode) item.get("proration_details")).putArray("discount_amounts");
            proration.discounts().forEach((id, off) -> {
                ids.add(id);
                amounts.addObject().put("amount", off).put("discount", id);
            });
            item.set("_included_discounts", ids.deepCopy());
        }
        ObjectNode parent = item.putObject("parent");
        ObjectNode subscription = parent.putObject("subscription_details");
        subscription.put("subscription", proration.subscription());
        subscription.put("subscription_item", proration.subscriptionItem());
        parent.put("type", "subscription_details");
        ObjectNode customer = store.find(call.accountId(), proration.customer()).orElseThrow();
        item.set("test_clock", customer.get("test_clock"));
        if (save) {
            store.insert(call.accountId(), item);
            events.publish(call, "invoiceitem.created", item);
        }
        return item;
    }
}
