package dev.paydeck.sandbox.creditnotes;

import dev.paydeck.sandbox.api.HostedPages;
import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.invoices.InvoiceCredits;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

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
    private final InvoiceCredits invoices;
    private final SandboxEvents events;
    private final CreditNotes creditNotes;

    CreditNoteResource(ObjectStore store, InvoiceCredits invoices, SandboxEvents events, CreditNotes creditNotes) {
        this.store = store;
        this.invoices = invoices;
        this.events = events;
        this.creditNotes = creditNotes;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/credit_notes", CREATE, creditNotes::issue);
        routes.get("/v1/credit_notes", LIST, this::list);
        routes.get("/v1/credit_notes/preview", CREATE, this::preview);
        routes.get("/v1/credit_notes/preview/lines", CREATE.with(PAGE), this::previewLines);
        routes.get("/v1/credit_notes/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/credit_notes/{id}", UPDATE, this::update);
        routes.get("/v1/credit_notes/{id}/lines", PAGE, this::lines);
        routes.post("/v1/credit_notes/{id}/void", ParamSpec.of(), creditNotes::voidNote);
    }

    private ObjectNode preview(StripeCall call) {
        ObjectNode invoice = invoices.requireCreditable(call.accountId(), call.string("invoice"), "invoice");
        ObjectNode note = creditNotes.draft(call, invoice);
        note.put("number", creditNotes.number(call, invoice));
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

