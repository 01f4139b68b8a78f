package dev.paydeck.sandbox.invoiceitems;

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
import dev.paydeck.sandbox.invoices.Invoices;
import dev.paydeck.sandbox.prices.Prices;
import dev.paydeck.sandbox.taxrates.TaxRates;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code /v1/invoiceitems}: a charge (or, negative, a credit) for a customer, pending until an invoice takes it:
 * create (also onto a draft invoice, {@code invoice}), retrieve, update and delete while pending or on a draft, list (by {@code customer}, {@code invoice}, {@code pending}).
 * Its amount comes from a one-time price ({@code pricing[price]}, or {@code price_data} made inline) times the
 * quantity, or is given ({@code amount}, or {@code unit_amount_decimal} times the quantity). Its own
 * {@code discounts} come off its line before the invoice's; a change to a draft's items announces
 * {@code invoice.updated}.
 */
@Component
class InvoiceItemResource implements StripeResource {

    private static final ParamSpec PERIOD = ParamSpec.of().integer("start", "end").required("start", "end");
    private static final ParamSpec PRICE_DATA = ParamSpec.of()
            .string("currency", "product", "unit_amount_decimal")
            .integer("unit_amount")
            .oneOf("tax_behavior", "exclusive", "inclusive", "unspecified")
            .required("currency", "product");
    private static final ParamSpec FIELDS = ParamSpec.of()
            .integer("amount", "quantity")
            .string("description", "unit_amount_decimal")
            .bool("discountable")
            .object("period", PERIOD)
            .object("pricing", ParamSpec.of().string("price"))
            .object("price_data", PRICE_DATA)
            .stringList("tax_rates")
            .metadata()
            .objectList("discounts", Discounts.PARAM);
    private static final ParamSpec CREATE = FIELDS.with(ParamSpec.of()
            .string("customer", "currency", "invoice", "subscription")
            .required("customer"));
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("customer", "invoice")
            .bool("pending"));

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final Prices prices;
    private final TaxRates taxRates;
    private final Invoices invoices;
    private final Discounts discounts;

    InvoiceItemResource(ObjectStore store, SandboxClock clock, SandboxEvents events, Prices prices,
            TaxRates taxRates, Invoices invoices, Discounts discounts) {
        this.discounts = discounts;
        this.invoices = invoices;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.prices = prices;
        this.taxRates = taxRates;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/invoiceitems", CREATE, this::create);
        routes.get("/v1/invoiceitems", LIST, this::list);
        routes.get("/v1/invoiceitems/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/invoiceitems/{id}", FIELDS, this::update);
        routes.delete("/v1/invoiceitems/{id}", ParamSpec.of(), this::delete);
    }

    private ObjectNode create(StripeCall call) {
        String customer = call.string("customer");
        store.find(call.accountId(), customer).filter(found -> "customer".equals(found.path("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("customer", customer, "customer"));
        String invoiceId = call.string("invoice");
        ObjectNode invoice = invoiceId == null ? null
                : invoices.requireDraft(call.accountId(), invoiceId, customer, "invoice");
        if (call.string("subscription") != null) {
            throw StripeError.resourceMissing("subscription", call.string("subscription"), "subscription");
        }
        long now = clock.nowFor(call.accountId(), customer);
        ObjectNode item = InvoiceItemJson.create(store.newObject("invoiceitem", "ii", now), customer, now);
        StripeObjects.text(item, "test_clock", store.find(call.accountId(), customer)
                .map(found -> StripeObjects.string(found, "test_clock")).orElse(null));
        String currency = call.string("currency") != null || invoice == null ? call.string("currency")
                : invoice.get("currency").asString();
        InvoiceItemJson.price(item, call, pricing(call), currency);
        applyFields(item, call);
        if (invoice != null) {
            if (!invoice.get("currency").asString().equals(item.get("currency").asString())) {
                throw StripeError.invalid("invoice", "The currency of the invoice item ("
                        + item.get("currency").asString() + ") must match the invoice's ("
                        + invoice.get("currency").asString() + ").");
            }
            item.put("invoice", invoiceId);
            item.put("_pending", false);
        }
        store.insert(call.accountId(), item);
        if (invoice != null) {
            invoices.refresh(call, invoiceId);
        }
        events.publish(call, "invoiceitem.created", item);
        return item;
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.find(call.accountId(), call.path("id"))
                .filter(found -> "invoiceitem".equals(found.get("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("invoiceitem", call.path("id"), "id"));
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode item = store.require(call.accountId(), call.path("id"), "invoiceitem", "id");
        String invoiceId = item.path("invoice").asString(null);
        if (invoiceId != null) {
            invoices.requireDraft(call.accountId(), invoiceId, item.get("customer").asString(), "id");
        }
        boolean repriced = call.has("amount") || call.has("quantity") || call.has("pricing")
                || call.has("price_data") || call.has("unit_amount_decimal");
        if (repriced) {
            ObjectNode price = pricing(call);
            String keptPrice = item.at("/pricing/price_details/price").asString(null);
            if (price == null && keptPrice != null && !call.has("amount") && !call.has("unit_amount_decimal")) {
                // Only the quantity changed: the price it bills computes the new amount (tiers included).
                price = store.find(call.accountId(), keptPrice).orElseThrow();
            }
            InvoiceItemJson.price(item, call, price, item.get("currency").asString());
        }
        applyFields(item, call);
        store.update(call.accountId(), item);
        if (invoiceId != null) {
            invoices.refresh(call, invoiceId);
        }
        return item;
    }

    private ObjectNode delete(StripeCall call) {
        ObjectNode item = store.require(call.accountId(), call.path("id"), "invoiceitem", "id");
        String id = item.get("id").asString();
        String invoiceId = item.path("invoice").asString(null);
        if (invoiceId != null) {
            invoices.requireDraft(call.accountId(), invoiceId, item.get("customer").asString(), "id");
        }
        store.delete(call.accountId(), id);
        if (invoiceId != null) {
            invoices.refresh(call, invoiceId);
        }
        events.publish(call, "invoiceitem.deleted", item);
        ObjectNode reply = store.json().createObjectNode();
        reply.put("id", id);
        reply.put("object", "invoiceitem");
        reply.put("deleted", true);
        return reply;
    }

    private StripeList list(StripeCall call) {
        ListQuery query = ListQuery.from(call).where("customer", call.string("customer"))
                .where("invoice", call.string("invoice"));
        if (Boolean.TRUE.equals(call.bool("pending"))) {
            query.where("_pending", true);
        } else if (Boolean.FALSE.equals(call.bool("pending"))) {
            query.where("_pending", false);
        }
        return store.list(call.accountId(), "invoiceitem", query, "/v1/invoiceitems");
    }

    /** The price the call bills: a one-time price of the account, or one made from {@code price_data}. */
    private ObjectNode pricing(StripeCall call) {
        String priceId = StripeCall.nested(call.params(), "pricing", "price");
        if (priceId != null && call.map("price_data") != null) {
            throw StripeError.invalid("pricing[price]", "You may only specify one of these parameters: "
                    + "price_data, pricing[price].");
        }
        if (priceId != null) {
            return prices.requireOneTime(call.accountId(), priceId, "pricing[price]");
        }
        if (call.map("price_data") != null) {
            return prices.createInline(call, call.map("price_data"), "price_data");
        }
        return null;
    }

    private void applyFields(ObjectNode item, StripeCall call) {
        if (call.has("description")) {
            if (call.string("description") == null) {
                item.putNull("description");
            } else {
                item.put("description", call.string("description"));
            }
        }
        if (call.bool("discountable") != null) {
            item.put("discountable", call.bool("discountable"));
        }
        if (call.map("period") != null) {
            long start = (Long) call.map("period").get("start");
            long end = (Long) call.map("period").get("end");
            if (end < start) {
                throw StripeError.invalid("period[end]", "The period's end must not be before its start.");
            }
            ObjectNode period = item.putObject("period");
            period.put("end", end);
            period.put("start", start);
        }
        if (call.has("tax_rates")) {
            List<Object> ids = call.list("tax_rates") == null ? List.of() : call.list("tax_rates");
            var rendered = item.putArray("tax_rates");
            for (int i = 0; i < ids.size(); i++) {
                rendered.add(taxRates.require(call.accountId(), (String) ids.get(i), "tax_rates[" + i + "]"));
            }
        }
        if (call.has("discounts")) {
            discounts.apply(call.accountId(), item, call.list("discounts"), new Discounts.Target(
                    item.get("customer").asString(), item.get("currency").asString(),
                    item.path("invoice").asString(null), item.get("id").asString()));
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(item, call.map("metadata"));
        }
    }

}
