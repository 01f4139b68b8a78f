package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.discounts.Discounts;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentintents.Currencies;
import dev.paydeck.sandbox.taxrates.TaxRates;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /v1/invoices}, drafts: create for a customer (taking their pending invoice items when
 * {@code pending_invoice_items_behavior=include}), retrieve, update, delete, list (by {@code customer},
 * {@code status}, {@code collection_method}), and {@code /v1/invoices/{id}/lines}. A draft's {@code discounts}
 * (coupons, promotion codes: {@link Discounts}) come off its lines before tax. Finalizing, paying, sending,
 * voiding: {@link InvoiceLifecycleResource}.
 */
@Component
class InvoiceResource implements StripeResource {

    private static final ParamSpec FIELDS = ParamSpec.of()
            .string("description", "footer", "default_payment_method")
            .oneOf("collection_method", "charge_automatically", "send_invoice")
            .integer("days_until_due", "due_date")
            .bool("auto_advance")
            .stringList("default_tax_rates")
            .objectList("discounts", Discounts.PARAM)
            .metadata();
    private static final ParamSpec CREATE = FIELDS.with(ParamSpec.of()
            .string("customer", "currency")
            .oneOf("pending_invoice_items_behavior", "include", "exclude")
            .required("customer"));
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("customer", "subscription")
            .oneOf("status", "draft", "open", "paid", "uncollectible", "void")
            .oneOf("collection_method", "charge_automatically", "send_invoice"));
    private static final ParamSpec LINES = ParamSpec.of().integer("limit").string("starting_after", "ending_before");
    private static final long DAY = 86_400;
    /** What a finalized invoice still lets change (its amounts, customer and collection are fixed). */
    private static final Set<String> FINALIZED_CHANGES = Set.of("description", "footer",
            "metadata", "auto_advance", "default_payment_method", "expand");

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final Invoices invoices;
    private final TaxRates taxRates;
    private final Discounts discounts;

    InvoiceResource(ObjectStore store, SandboxClock clock, SandboxEvents events, Invoices invoices,
            TaxRates taxRates, Discounts discounts) {
        this.discounts = discounts;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.invoices = invoices;
        this.taxRates = taxRates;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/invoices", CREATE, this::create);
        routes.get("/v1/invoices", LIST, this::list);
        routes.get("/v1/invoices/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/invoices/{id}", FIELDS, this::update);
        routes.delete("/v1/invoices/{id}", ParamSpec.of(), this::delete);
        routes.get("/v1/invoices/{id}/lines", LINES, this::lines);
    }

    private ObjectNode create(StripeCall call) {
        String customerId = call.string("customer");
        ObjectNode customer = store.find(call.accountId(), customerId)
                .filter(found -> "customer".equals(found.path("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("customer", customerId, "customer"));
        String currency = call.string("currency") != null ? Currencies.require(call.string("currency"), "currency")
                : customer.path("currency").asString(call.account().defaultCurrency());
        ObjectNode invoice = InvoiceJson.draft(store.newObject("invoice", "in",
                clock.nowFor(call.accountId(), customerId)), call.account(), customer, currency);
        apply(invoice, call);
        store.insert(call.accountId(), invoice);
        if ("include".equals(call.string("pending_invoice_items_behavior"))) {
            for (ObjectNode item : invoices.pendingItems(call.accountId(), customerId, currency)) {
                ObjectNode held = store.require(call.accountId(), item.get("id").asString(), "invoiceitem", "id");
                held.put("invoice", invoice.get("id").asString());
                held.put("_pending", false);
                store.update(call.accountId(), held);
            }
        }
        InvoiceJson.computeLines(invoice, invoices.items(call.accountId(), invoice.get("id").asString()));
        store.update(call.accountId(), invoice);
        events.publish(call, "invoice.created", invoice);
        return invoice;
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.find(call.accountId(), call.path("id"))
                .filter(found -> "invoice".equals(found.get("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("invoice", call.path("id"), "id"));
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode invoice = store.require(call.accountId(), call.path("id"), "invoice", "id");
        boolean draft = "draft".equals(invoice.get("status").asString());
        if (!draft && !FINALIZED_CHANGES.containsAll(call.params().keySet())) {
            throw StripeError.invalid("id", "This invoice is no longer a draft: only its description, footer, "
                    + "metadata, auto_advance and default_payment_method can change.");
        }
        ObjectNode before = invoice.deepCopy();
        apply(invoice, call);
        if (draft) {
            InvoiceJson.computeLines(invoice, invoices.items(call.accountId(), invoice.get("id").asString()));
        }
        store.update(call.accountId(), invoice);
        ObjectNode previous = StripeObjects.previousAttributes(before, invoice);
        if (!previous.isEmpty()) {
            events.publish(call, "invoice.updated", invoice, previous);
        }
        return invoice;
    }

    /** A draft's items return to pending: the customer's next invoice may take them. */
    private ObjectNode delete(StripeCall call) {
        ObjectNode invoice = store.require(call.accountId(), call.path("id"), "invoice", "id");
        if (!"draft".equals(invoice.get("status").asString())) {
            throw StripeError.invalid("id", "You can only delete draft invoices. Void an open invoice instead.");
        }
        String id = invoice.get("id").asString();
        for (ObjectNode item : invoices.items(call.accountId(), id)) {
            ObjectNode held = store.require(call.accountId(), item.get("id").asString(), "invoiceitem", "id");
            held.putNull("invoice");
            held.put("_pending", true);
            store.update(call.accountId(), held);
        }
        store.delete(call.accountId(), id);
        events.publish(call, "invoice.deleted", invoice);
        ObjectNode reply = store.json().createObjectNode();
        reply.put("id", id);
        reply.put("object", "invoice");
        reply.put("deleted", true);
        return reply;
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "invoice", ListQuery.from(call)
                .where("customer", call.string("customer")).where("status", call.string("status"))
                .where("collection_method", call.string("collection_method"))
                .where("_subscription", call.string("subscription")), "/v1/invoices");
    }

    /** The invoice's lines in their order, a page at a time. */
    private StripeList lines(StripeCall call) {
        ObjectNode invoice = retrieve(call);
        Long limit = call.longValue("limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw StripeError.invalid("limit", "Invalid limit: must be between 1 and 100");
        }
        List<ObjectNode> all = new ArrayList<>();
        invoice.at("/lines/data").forEach(line -> all.add((ObjectNode) line));
        int from = 0;
        int to = all.size();
        String after = call.string("starting_after");
        String before = call.string("ending_before");
        if (after != null) {
            from = indexOf(all, after, "starting_after") + 1;
        }
        if (before != null) {
            to = indexOf(all, before, "ending_before");
        }
        int size = limit == null ? 10 : limit.intValue();
        List<ObjectNode> page = before != null ? all.subList(Math.max(from, to - size), to)
                : all.subList(from, Math.min(to, from + size));
        boolean hasMore = before != null ? to - size > from : from + size < to;
        return new StripeList("/v1/invoices/" + invoice.get("id").asString() + "/lines", page, hasMore);
    }

    private void apply(ObjectNode invoice, StripeCall call) {
        for (String field : List.of("description", "footer")) {
            if (call.has(field)) {
                if (call.string(field) == null) {
                    invoice.putNull(field);
                } else {
                    invoice.put(field, call.string(field));
                }
            }
        }
        if (call.bool("auto_advance") != null) {
            invoice.put("auto_advance", call.bool("auto_advance"));
            InvoiceAutoAdvance.schedule(invoice);
        }
        if (call.has("default_payment_method")) {
            String paymentMethod = call.string("default_payment_method");
            if (paymentMethod == null) {
                invoice.putNull("default_payment_method");
            } else {
                store.require(call.accountId(), paymentMethod, "payment_method", "default_payment_method");
                invoice.put("default_payment_method", paymentMethod);
            }
        }
        if (!"draft".equals(invoice.get("status").asString())) {
            if (call.has("metadata")) {
                StripeObjects.applyMetadata(invoice, call.map("metadata"));
            }
            return;
        }
        if (call.string("collection_method") != null) {
            invoice.put("collection_method", call.string("collection_method"));
        }
        Long daysUntilDue = call.longValue("days_until_due");
        Long dueDate = call.longValue("due_date");
        if (daysUntilDue != null && dueDate != null) {
            throw StripeError.invalid("due_date", "You may only specify one of these parameters: days_until_due, "
                    + "due_date.");
        }
        boolean sendInvoice = "send_invoice".equals(invoice.get("collection_method").asString());
        if ((daysUntilDue != null || dueDate != null) && !sendInvoice) {
            throw StripeError.invalid(daysUntilDue != null ? "days_until_due" : "due_date", "Invoices with "
                    + "`collection_method=charge_automatically` take no `days_until_due` or `due_date`.");
        }
        if (daysUntilDue != null) {
            if (daysUntilDue < 0 || daysUntilDue > 730) {
                throw StripeError.invalid("days_until_due", "Invalid days_until_due: must be between 0 and 730");
            }
            invoice.put("due_date", invoice.get("created").asLong() + daysUntilDue * DAY);
            // Finalizing sets the due date again, that many days after it.
            invoice.put("_days_until_due", daysUntilDue);
        }
        if (dueDate != null) {
            if (dueDate <= clock.nowFor(call.accountId(), invoice.get("customer").asString())) {
                throw StripeError.invalid("due_date", "Invalid due_date: must be in the future");
            }
            invoice.put("due_date", dueDate);
            invoice.remove("_days_until_due");
        }
        if (sendInvoice && invoice.path("due_date").isNull()) {
            throw StripeError.invalid("days_until_due", "Invoices with `collection_method=send_invoice` need "
                    + "`days_until_due` or `due_date`.");
        }
        if (!sendInvoice) {
            invoice.putNull("due_date");
            invoice.remove("_days_until_due");
        }
        if (call.has("default_tax_rates")) {
            List<Object> ids = call.list("default_tax_rates") == null ? List.of() : call.list("default_tax_rates");
            ArrayNode rates = invoice.putArray("default_tax_rates");
            for (int i = 0; i < ids.size(); i++) {
                rates.add(taxRates.require(call.accountId(), (String) ids.get(i), "default_tax_rates[" + i + "]"));
            }
        }
        if (call.has("discounts")) {
            discounts.apply(call.accountId(), invoice, call.list("discounts"), new Discounts.Target(
                    invoice.get("customer").asString(), invoice.get("currency").asString(),
                    invoice.get("id").asString(), null));
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(invoice, call.map("metadata"));
        }
    }

    private static int indexOf(List<ObjectNode> lines, String id, String param) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).get("id").asString().equals(id)) {
                return i;
            }
        }
        throw StripeError.resourceMissing("line_item", id, param);
    }
}
