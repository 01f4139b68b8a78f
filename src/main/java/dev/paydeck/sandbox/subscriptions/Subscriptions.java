package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.invoices.InvoiceBilling;
import dev.paydeck.sandbox.invoices.InvoiceBilling.Attempt;
import dev.paydeck.sandbox.invoices.InvoiceBilling.Billing;
import dev.paydeck.sandbox.paymentintents.Currencies;
import dev.paydeck.sandbox.prices.PriceAmounts;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What every path of a subscription shares: storing it with its items, its events, the invoices it bills (lines of
 * its items' periods, finalized and, when collected automatically, paid at once off session) and its statuses.
 */
@Service
class Subscriptions {

    /**
     * Set while a request or the clock works on a subscription: the payment it makes is its own to account for, not
     * {@link SubscriptionPayments}' (which moves it when an invoice of it is paid later, on its own).
     */
    static final String BUSY = "_busy";

    /** What billing an invoice came to: the invoice afterwards, and the card error of a failed attempt, if any. */
    record Billed(ObjectNode invoice, Attempt attempt, StripeError declined) {

        boolean paid() {
            return "paid".equals(invoice.get("status").asString());
        }
    }

    private final ObjectStore store;
    private final SandboxEvents events;
    private final InvoiceBilling billing;
    private final SubscriptionDiscounts discounts;

    Subscriptions(ObjectStore store, SandboxEvents events, InvoiceBilling billing, SubscriptionDiscounts discounts) {
        this.store = store;
        this.events = events;
        this.billing = billing;
        this.discounts = discounts;
    }

    ObjectNode require(String accountId, String id, String param) {
        return store.find(accountId, id).filter(found -> "subscription".equals(found.path("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("subscription", id, param));
    }

    /** Stores the subscription and each of its items (an item is an object of its own too). */
    void save(String accountId, ObjectNode subscription) {
        boolean isNew = store.find(accountId, subscription.get("id").asString()).isEmpty();
        if (isNew) {
            store.insert(accountId, subscription);
        } else {
            store.update(accountId, subscription);
        }
        for (ObjectNode item : SubscriptionJson.items(subscription)) {
            Optional<ObjectNode> stored = store.find(accountId, item.get("id").asString());
            if (stored.isEmpty()) {
                store.insert(accountId, item.deepCopy());
            } else if (!stored.get().equals(item)) {
                // An item the change left as it was (a renewal's announcement marks the subscription alone) is not
                // written again.
                store.update(accountId, item.deepCopy());
            }
        }
    }

    void publishUpdated(StripeCall call, ObjectNode before, ObjectNode subscription) {
        ObjectNode previous = StripeObjects.previousAttributes(before, subscription);
        if (!previous.isEmpty()) {
            events.publish(call, "customer.subscription.updated", subscription, previous);
        }
    }

    static void status(ObjectNode subscription, SubscriptionStatus next) {
        SubscriptionStatus current = SubscriptionJson.status(subscription);
        if (current != next) {
            subscription.put("status", SubscriptionTransitions.move(current, next).stripeName());
        }
    }

    /** The subscription's payment method, else its customer's default for invoices; null when there is none. */
    String paymentMethod(String accountId, JsonNode subscription) {
        String own = StripeObjects.string(subscription, "default_payment_method");
        if (own != null) {
            return own;
        }
        ObjectNode customer = store.require(accountId, subscription.get("customer").asString(), "customer",
                "customer");
        return StripeObjects.string(customer.get("invoice_settings"), "default_payment_method");
    }

    /** The lines billing each item for the whole period (nothing for a trial's). */
    List<ObjectNode> lines(String accountId, ObjectNode subscription, long start, long end, boolean trial) {
        List<ObjectNode> lines = new ArrayList<>();
        for (ObjectNode item : SubscriptionJson.items(subscription)) {
            long amount = trial ? 0 : amount(item);
            lines.add(line(accountId, subscription, item, amount, start, end, trial ? "Trial period for "
                    + productName(accountId, item.get("price")) : description(accountId, item)));
        }
        return lines;
    }

    /** The rates that tax what the item bills: its own {@code tax_rates}, else the subscription's defaults. */
    static ArrayNode taxRates(JsonNode subscription, JsonNode item) {
        JsonNode rates = item.path("tax_rates").isEmpty() ? subscription.path("default_tax_rates")
                : item.get("tax_rates");
        return rates.isArray() ? ((ArrayNode) rates).deepCopy() : JsonNodeFactory.instance.arrayNode();
    }

    /**
     * The subscription's discounts on an invoice not made (a preview) of the lines: its items' put on their lines,
     * its own given to the invoice; the subscription unchanged.
     */
    Billing previewDiscounts(ObjectNode subscription, List<ObjectNode> lines, long at, Billing billing) {
        SubscriptionDiscounts.Applied applied = discounts.forInvoice(subscription.deepCopy(), lines, at);
        return billing.withDiscounts(applied.ids(), applied.terms());
    }

    /** What the item bills for a whole period: its price for its quantity. */
    static long amount(JsonNode item) {
        return PriceAmounts.of(item.get("price")).amount(item.get("quantity").asLong());
    }

    ObjectNode line(String accountId, ObjectNode subscription, ObjectNode item, long amount, long start, long end,
            String description) {
        JsonNode price = item.get("price");
        ObjectNode line = store.json().createObjectNode();
        // What the line bills: the subscription item (its parent, _parent, says so).
        line.put("id", item.get("id").asString());
        line.put("amount", amount);
        line.put("currency", price.get("currency").asString());
        line.put("description", description);
        line.put("discountable", true);
        line.putObject("metadata");
        ObjectNode period = line.putObject("period");
        period.put("end", end);
        period.put("start", start);
        ObjectNode pricing = line.putObject("pricing");
        ObjectNode details = pricing.putObject("price_details");
        details.put("price", price.get("id").asString());
        details.put("product", price.get("product").asString());
        pricing.put("type", "price_details");
        pricing.set("unit_amount_decimal", price.get("unit_amount_decimal"));
        line.put("quantity", item.get("quantity").asLong());
        line.set("tax_rates", taxRates(subscription, item));
        line.put("_line_id", Ids.generate("il"));
        line.put("_subscription", subscription.get("id").asString());
        ObjectNode parent = line.putObject("_parent");
        parent.putNull("invoice_item_details");
        ObjectNode itemDetails = parent.putObject("subscription_item_details");
        itemDetails.putNull("invoice_item");
        itemDetails.put("proration", false);
        itemDetails.putObject("proration_details").putNull("credited_items");
        itemDetails.put("subscription", subscription.get("id").asString());
        itemDetails.put("subscription_item", item.get("id").asString());
        parent.put("type", "subscription_item_details");
        return line;
    }

    /** Stripe's line description: {@code 1 × Basic (at $10.00 / month)}. */
    String description(String accountId, JsonNode item) {
        JsonNode price = item.get("price");
        JsonNode recurring = price.get("recurring");
        long count = recurring.get("interval_count").asLong();
        String every = count == 1 ? recurring.get("interval").asString()
                : "every " + count + " " + recurring.get("interval").asString() + "s";
        String unit = price.path("unit_amount").isNumber()
                ? Currencies.format(price.get("unit_amount").asLong(), price.get("currency").asString()) : "tiers";
        return item.get("quantity").asLong() + " × " + productName(accountId, price) + " (at " + unit + " / " + every
                + ")";
    }

    /** How a proration names what it prorates: {@code Basic}, {@code 3 × Basic}. */
    String prorated(String accountId, JsonNode item) {
        long quantity = item.get("quantity").asLong();
        return (quantity == 1 ? "" : quantity + " × ") + productName(accountId, item.get("price"));
    }

    String productName(String accountId, JsonNode price) {
        return store.find(accountId, price.get("product").asString()).map(product -> product.path("name")
                .asString("")).orElse("");
    }

    /**
     * A new invoice of the subscription for the lines (and the customer's pending items), finalized, and charged
     * when it is collected automatically and {@code charge}; its id becomes the subscription's {@code latest_invoice}.
     */
    Billed bill(StripeCall call, ObjectNode subscription, String reason, List<ObjectNode> lines, long now,
            boolean charge) {
        String collection = subscription.get("collection_method").asString();
        Long days = subscription.path("days_until_due").isNumber() ? subscription.get("days_until_due").asLong()
                : null;
        Billing what = new Billing(reason, subscription.get("id").asString(), (ObjectNode) subscription
                .get("metadata"), collection, days, StripeObjects.string(subscription, "default_payment_method"));
        SubscriptionDiscounts.Applied applied = discounts.forInvoice(subscription, lines, now);
        what = what.withDiscounts(applied.ids(), applied.terms());
        ObjectNode invoice = billing.createDraft(call, subscription.get("customer").asString(),
                subscription.get("currency").asString(), what, lines, now);
        String invoiceId = invoice.get("id").asString();
        subscription.put("latest_invoice", invoiceId);
        invoice = billing.finalizeInvoice(call, invoiceId);
        if ("send_invoice".equals(collection) && "open".equals(invoice.get("status").asString())
                && invoice.path("due_date").isNumber()) {
            // Past due if it is still unpaid on its due date (SubscriptionCycles).
            ObjectNode due = subscription.putObject("_invoice_due");
            due.put("invoice", invoiceId);
            due.put("at", invoice.get("due_date").asLong());
        }
        if (!charge || !"charge_automatically".equals(collection) || !"open".equals(invoice.get("status").asString())) {
            return new Billed(invoice, invoice.get("status").asString().equals("paid") ? Attempt.PAID : null, null);
        }
        List<StripeError> declined = new ArrayList<>();
        Attempt attempt = billing.pay(call, invoiceId, paymentMethod(call.accountId(), subscription), declined);
        ObjectNode after = store.require(call.accountId(), invoiceId, "invoice", "invoice");
        return new Billed(after, attempt, declined.isEmpty() ? null : declined.getFirst());
    }

    /** Charges an open invoice of the subscription again (a retry). */
    Billed charge(StripeCall call, ObjectNode subscription, String invoiceId) {
        List<StripeError> declined = new ArrayList<>();
        Attempt attempt = billing.pay(call, invoiceId, paymentMethod(call.accountId(), subscription), declined);
        ObjectNode after = store.require(call.accountId(), invoiceId, "invoice", "invoice");
        return new Billed(after, attempt, declined.isEmpty() ? null : declined.getFirst());
    }

    void voidInvoice(StripeCall call, String invoiceId) {
        ObjectNode invoice = store.require(call.accountId(), invoiceId, "invoice", "invoice");
        if ("open".equals(invoice.get("status").asString())) {
            billing.voidInvoice(call, invoiceId);
        }
    }

    /** Canceled now: its times, the reason, no retry left; {@code customer.subscription.deleted}. */
    void cancel(StripeCall call, ObjectNode subscription, long now, String reason) {
        status(subscription, SubscriptionStatus.CANCELED);
        subscription.put("canceled_at", now);
        subscription.put("ended_at", now);
        ((ObjectNode) subscription.get("cancellation_details")).put("reason", reason);
        subscription.remove("_retry");
        subscription.remove(BUSY);
        save(call.accountId(), subscription);
        events.publish(call, "customer.subscription.deleted", subscription);
    }

    void publish(StripeCall call, String type, ObjectNode subscription) {
        events.publish(call, type, subscription);
    }

    ObjectStore store() {
        return store;
    }
}
