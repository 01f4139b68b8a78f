package dev.paydeck.sandbox.creditnotes;

import dev.paydeck.sandbox.api.HostedPages;
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
import dev.paydeck.sandbox.customers.CustomerBalances;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.invoices.InvoiceCredits;
import dev.paydeck.sandbox.paymentintents.Currencies;
import dev.paydeck.sandbox.refunds.Refunds;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /v1/credit_notes}: adjust a finalized (open or paid) invoice. A credit note first lowers what is still due
 * on the invoice (its {@code pre_payment_amount}); the rest ({@code post_payment_amount}) must be exactly given as
 * {@code refund_amount} (a refund of the invoice's charge), {@code credit_amount} (a credit to the customer's
 * balance) and {@code out_of_band_amount}. Numbered after its invoice ({@code ABCD1234-0001-CN-01}). Create,
 * {@code preview} and {@code preview/lines} (the same without issuing it), retrieve, update (memo, metadata), list
 * (by {@code invoice}, {@code customer}), its {@code lines}, and void (undoing what it lowered and credited).
 */
@Component
class CreditNoteResource implements StripeResource {

    private static final ParamSpec LINE = ParamSpec.of()
            .integer("amount", "quantity", "unit_amount")
            .string("description", "invoice_line_item", "unit_amount_decimal")
            .oneOf("type", "custom_line_item", "invoice_line_item")
            .stringList("tax_rates")
            .any("tax_amounts")
            .metadata();
    private static final ParamSpec CREATE = ParamSpec.of()
            .string("invoice", "memo")
            .integer("amount", "credit_amount", "out_of_band_amount", "refund_amount", "effective_at")
            .oneOf("email_type", "credit_note", "none")
            .oneOf("reason", "duplicate", "fraudulent", "order_change", "product_unsatisfactory")
            .objectList("lines", LINE)
            .any("refunds", "shipping_cost")
            .metadata()
            .required("invoice");
    private static final ParamSpec PAGE = ParamSpec.of().integer("limit").string("starting_after", "ending_before");
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("customer", "invoice",
            "customer_account"));
    private static final ParamSpec UPDATE = ParamSpec.of().string("memo").metadata();

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final InvoiceCredits invoices;
    private final CustomerBalances balances;
    private final Refunds refunds;

    CreditNoteResource(ObjectStore store, SandboxClock clock, SandboxEvents events, InvoiceCredits invoices,
            CustomerBalances balances, Refunds refunds) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.invoices = invoices;
        this.balances = balances;
        this.refunds = refunds;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/credit_notes", CREATE, this::create);
        routes.get("/v1/credit_notes", LIST, this::list);
        routes.get("/v1/credit_notes/preview", CREATE, this::preview);
        routes.get("/v1/credit_notes/preview/lines", CREATE.with(PAGE), this::previewLines);
        routes.get("/v1/credit_notes/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/credit_notes/{id}", UPDATE, this::update);
        routes.get("/v1/credit_notes/{id}/lines", PAGE, this::lines);
        routes.post("/v1/credit_notes/{id}/void", ParamSpec.of(), this::voidNote);
    }

    private ObjectNode create(StripeCall call) {
        ObjectNode invoice = invoices.requireCreditable(call.accountId(), call.string("invoice"), "invoice");
        ObjectNode note = draft(call, invoice);
        String id = note.get("id").asString();
        long post = note.get("post_payment_amount").asLong();
        long refundAmount = amount(call, "refund_amount");
        long creditAmount = amount(call, "credit_amount");
        long outOfBand = amount(call, "out_of_band_amount");
        if (refundAmount + creditAmount + outOfBand != post) {
            String currency = invoice.get("currency").asString();
            throw StripeError.invalid(null, "The sum of `refund_amount`, `credit_amount` and `out_of_band_amount` ("
                    + Currencies.format(refundAmount + creditAmount + outOfBand, currency) + ") must equal the "
                    + "credit note's post-payment amount (" + Currencies.format(post, currency) + "): what it "
                    + "credits beyond the invoice's amount remaining.");
        }
        if (refundAmount > 0) {
            String chargeId = invoices.paidCharge(call.accountId(), invoice);
            if (chargeId == null) {
                throw StripeError.invalid("refund_amount", "Invoice " + invoice.get("id").asString() + " has no "
                        + "charge to refund: use `credit_amount` or `out_of_band_amount`.");
            }
            String reason = call.string("reason");
            ObjectNode refund = refunds.refund(call, refunds.charge(call, chargeId, "invoice"), refundAmount,
                    "duplicate".equals(reason) || "fraudulent".equals(reason) ? reason : "requested_by_customer",
                    null, "refund_amount", "refund_amount");
            ObjectNode entry = note.withArray("refunds").addObject();
            entry.put("amount_refunded", refundAmount);
            entry.putNull("payment_record_refund");
            entry.put("refund", refund.get("id").asString());
            entry.put("type", "refund");
        }
        if (creditAmount > 0) {
            ObjectNode customer = store.require(call.accountId(), invoice.get("customer").asString(), "customer",
                    "invoice");
            ObjectNode transaction = balances.record(call.accountId(), customer, -creditAmount,
                    invoice.get("currency").asString(), new CustomerBalances.Entry("credit_note",
                            invoice.get("id").asString(), id, null), "credit_amount");
            store.update(call.accountId(), customer);
            note.put("customer_balance_transaction", transaction.get("id").asString());
        }
        note.put("_credit_amount", creditAmount);
        note.put("number", number(call, invoice));
        note.put("pdf", HostedPages.url("/sandbox/credit_notes/" + id + "/pdf"));
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(note, call.map("metadata"));
        }
        store.insert(call.accountId(), note);
        events.publish(call, "credit_note.created", note);
        invoices.issued(call, invoice.get("id").asString(), note.get("pre_payment_amount").asLong(), post);
        return note;
    }

    /** The credit note the call describes, with its pre- and post-payment parts, not issued. */
    private ObjectNode draft(StripeCall call, ObjectNode invoice) {
        if (call.params().get("refunds") != null || call.params().get("shipping_cost") != null) {
            throw StripeError.invalid(call.params().get("refunds") != null ? "refunds" : "shipping_cost",
                    "The sandbox does not emulate linking existing refunds or crediting shipping yet.");
        }
        Map<String, CreditNoteJson.Credited> credited = new HashMap<>();
        for (ObjectNode earlier : issuedFor(call.accountId(), invoice.get("id").asString())) {
            earlier.at("/lines/data").forEach(line -> {
                if (!line.path("invoice_line_item").isNull()) {
                    boolean byQuantity = line.path("_by_quantity").asBoolean();
                    long quantity = byQuantity ? line.get("quantity").asLong() : 0;
                    credited.merge(line.get("invoice_line_item").asString(), new CreditNoteJson.Credited(
                            line.get("amount").asLong(), quantity, byQuantity),
                            (one, other) -> one.plus(other.amount(), other.quantity()));
                }
            });
        }
        ObjectNode note = CreditNoteJson.build(store.newObject("credit_note", "cn", clock.now()), invoice,
                call.params(), credited);
        long total = note.get("total").asLong();
        long left = invoice.get("total").asLong() - invoice.get("pre_payment_credit_notes_amount").asLong()
                - invoice.get("post_payment_credit_notes_amount").asLong();
        if (total > left) {
            String currency = invoice.get("currency").asString();
            throw StripeError.invalid("amount", "The credit note's total (" + Currencies.format(total, currency)
                    + ") is more than what is left to credit on invoice " + invoice.get("id").asString() + " ("
                    + Currencies.format(left, currency) + ").");
        }
        CreditNoteJson.split(note, InvoiceCredits.prePaymentPart(invoice, total));
        return note;
    }

    private ObjectNode preview(StripeCall call) {
        ObjectNode invoice = invoices.requireCreditable(call.accountId(), call.string("invoice"), "invoice");
        ObjectNode note = draft(call, invoice);
        note.put("number", number(call, invoice));
        note.put("pdf", HostedPages.url("/sandbox/credit_notes/" + note.get("id").asString() + "/pdf"));
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(note, call.map("metadata"));
        }
        return note;
    }

    private StripeList previewLines(StripeCall call) {
        ObjectNode note = preview(call);
        return page(call, note, "/v1/credit_notes/preview/lines");
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.find(call.accountId(), call.path("id"))
                .filter(found -> "credit_note".equals(found.get("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("credit_note", call.path("id"), "id"));
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode note = store.require(call.accountId(), call.path("id"), "credit_note", "id");
        ObjectNode before = note.deepCopy();
        if (call.has("memo")) {
            StripeObjects.text(note, "memo", call.string("memo"));
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(note, call.map("metadata"));
        }
        store.update(call.accountId(), note);
        ObjectNode previous = StripeObjects.previousAttributes(before, note);
        if (!previous.isEmpty()) {
            events.publish(call, "credit_note.updated", note, previous);
        }
        return note;
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "credit_note", ListQuery.from(call)
                .where("customer", call.string("customer")).where("invoice", call.string("invoice")),
                "/v1/credit_notes");
    }

    private StripeList lines(StripeCall call) {
        return page(call, retrieve(call), "/v1/credit_notes/" + call.path("id") + "/lines");
    }

    /**
     * Voids the credit note: what it lowered of the invoice's amount due is due again and the credit it gave the
     * customer's balance is taken back. Refunds cannot be taken back: a credit note that refunded is not voided, nor
     * one whose invoice has since been paid after it lowered its amount due.
     */
    private ObjectNode voidNote(StripeCall call) {
        ObjectNode note = store.require(call.accountId(), call.path("id"), "credit_note", "id");
        String id = note.get("id").asString();
        if (!"issued".equals(note.get("status").asString())) {
            throw StripeError.invalid("id", "Credit note " + id + " has already been voided.");
        }
        if (!note.get("refunds").isEmpty()) {
            throw StripeError.invalid("id", "Credit note " + id + " refunded a payment: a refund cannot be undone, "
                    + "so the credit note cannot be voided.");
        }
        ObjectNode invoice = store.require(call.accountId(), note.get("invoice").asString(), "invoice", "id");
        long pre = note.get("pre_payment_amount").asLong();
        if (pre > 0 && !"open".equals(invoice.get("status").asString())) {
            throw StripeError.invalid("id", "Credit note " + id + " lowered the amount due of invoice "
                    + invoice.get("id").asString() + ", which is now " + invoice.get("status").asString()
                    + ": it cannot be voided.");
        }
        long credit = note.path("_credit_amount").asLong(0);
        if (credit > 0) {
            ObjectNode customer = store.require(call.accountId(), note.get("customer").asString(), "customer", "id");
            balances.record(call.accountId(), customer, credit, note.get("currency").asString(),
                    new CustomerBalances.Entry("credit_note", invoice.get("id").asString(), id,
                            "Voided credit note " + note.get("number").asString()), "id");
            store.update(call.accountId(), customer);
        }
        note.put("status", "void");
        note.put("voided_at", clock.now());
        store.update(call.accountId(), note);
        events.publish(call, "credit_note.voided", note);
        invoices.voided(call, invoice.get("id").asString(), pre, note.get("post_payment_amount").asLong());
        return note;
    }

    /** Stripe's number: the invoice's number, {@code -CN-} and the credit note's sequence on it, two digits. */
    private String number(StripeCall call, ObjectNode invoice) {
        int sequence = store.list(call.accountId(), "credit_note", ListQuery.newest(100)
                .where("invoice", invoice.get("id").asString()), "/v1/credit_notes").data().size() + 1;
        return invoice.get("number").asString() + "-CN-" + String.format(Locale.ROOT, "%02d", sequence);
    }

    private List<ObjectNode> issuedFor(String accountId, String invoiceId) {
        return store.list(accountId, "credit_note", ListQuery.newest(100).where("invoice", invoiceId)
                .where("status", "issued"), "/v1/credit_notes").data();
    }

    private static long amount(StripeCall call, String param) {
        Long amount = call.longValue(param);
        if (amount != null && amount < 0) {
            throw StripeError.invalid(param, "Invalid " + param + ": must be greater than or equal to 0");
        }
        return amount == null ? 0 : amount;
    }

    /** A credit note's lines, a page at a time. */
    private static StripeList page(StripeCall call, ObjectNode note, String url) {
        Long limit = call.longValue("limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw StripeError.invalid("limit", "Invalid limit: must be between 1 and 100");
        }
        List<ObjectNode> all = new ArrayList<>();
        note.at("/lines/data").forEach(line -> all.add((ObjectNode) line));
        int from = 0;
        int to = all.size();
        if (call.string("starting_after") != null) {
            from = indexOf(all, call.string("starting_after"), "starting_after") + 1;
        }
        if (call.string("ending_before") != null) {
            to = indexOf(all, call.string("ending_before"), "ending_before");
        }
        int size = limit == null ? 10 : limit.intValue();
        boolean backwards = call.string("ending_before") != null;
        List<ObjectNode> page = backwards ? all.subList(Math.max(from, to - size), to)
                : all.subList(from, Math.min(to, from + size));
        boolean hasMore = backwards ? to - size > from : from + size < to;
        return new StripeList(url, page, hasMore);
    }

    private static int indexOf(List<ObjectNode> lines, String id, String param) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).get("id").asString().equals(id)) {
                return i;
            }
        }
        throw StripeError.resourceMissing("credit_note_line_item", id, param);
    }
}
