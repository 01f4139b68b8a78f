package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Invoices as their invoice items need them: a draft an item may be added to, and its lines and totals computed again
 * whenever one of its items changes.
 */
@Service
public class Invoices {

    /** Stripe's most lines on an invoice. */
    static final int MAX_LINES = 250;

    private final ObjectStore store;
    private final SandboxEvents events;

    Invoices(ObjectStore store, SandboxEvents events) {
        this.store = store;
        this.events = events;
    }

    /** The draft invoice an item is added to, in the item's currency; Stripe's errors otherwise. */
    public ObjectNode requireDraft(String accountId, String invoiceId, String customer, String param) {
        ObjectNode invoice = store.require(accountId, invoiceId, "invoice", param);
        if (!"draft".equals(invoice.get("status").asString())) {
            throw StripeError.invalid(param, "Invoice " + invoiceId + " is no longer a draft: its items can no "
                    + "longer change.");
        }
        if (!invoice.get("customer").asString().equals(customer)) {
            throw StripeError.invalid(param, "The invoice " + invoiceId + " belongs to another customer.");
        }
        return invoice;
    }

    /** Computes the invoice's lines and totals from its items again, and stores it. */
    public ObjectNode refresh(String accountId, String invoiceId) {
        ObjectNode invoice = store.require(accountId, invoiceId, "invoice", "invoice");
        InvoiceJson.computeLines(invoice, items(accountId, invoiceId));
        store.update(accountId, invoice);
        return invoice;
    }

    /**
     * Computes the draft's lines and totals again after a call changed its items, and announces what changed
     * ({@code invoice.updated} with {@code previous_attributes}), as Stripe does when an item is added to a draft.
     */
    public ObjectNode refresh(StripeCall call, String invoiceId) {
        ObjectNode before = store.require(call.accountId(), invoiceId, "invoice", "invoice");
        ObjectNode invoice = refresh(call.accountId(), invoiceId);
        ObjectNode previous = StripeObjects.previousAttributes(before, invoice);
        if (!previous.isEmpty()) {
            events.publish(call, "invoice.updated", invoice, previous);
        }
        return invoice;
    }

    /** The invoice's items, oldest first (the order of its lines). */
    List<ObjectNode> items(String accountId, String invoiceId) {
        List<ObjectNode> items = new ArrayList<>(store.list(accountId, "invoiceitem", ListQuery.newest(MAX_LINES)
                .where("invoice", invoiceId), "/v1/invoiceitems").data());
        Collections.reverse(items);
        return items;
    }

    /** The customer's pending items in the currency, oldest first, which a new draft may take. */
    List<ObjectNode> pendingItems(String accountId, String customer, String currency) {
        List<ObjectNode> items = new ArrayList<>(store.list(accountId, "invoiceitem", ListQuery.newest(MAX_LINES)
                .where("customer", customer).where("_pending", true).where("currency", currency),
                "/v1/invoiceitems").data());
        Collections.reverse(items);
        return items;
    }
}
