package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Invoices that something else bills (a subscription): a draft with the lines of its periods and the customer's
 * pending items, finalized and paid through the same code as {@code /v1/invoices/{id}/finalize} and {@code /pay},
 * and the preview of one that is not stored ({@code /v1/invoices/create_preview}).
 */
@Service
public class InvoiceBilling {

    /** How an attempt to pay an invoice ended. */
    public enum Attempt { PAID, REQUIRES_ACTION, FAILED }

    /**
     * What a billed invoice is for: its reason, its subscription (and its metadata), how it is collected, and the
     * subscription's discounts that apply to it ({@code discounts}: their ids; {@code discountTerms}: their coupons'
     * terms, as {@link dev.paydeck.sandbox.discounts.Discounts} keeps them; null or empty: none).
     */
    public record Billing(String billingReason, String subscription, ObjectNode subscriptionMetadata,
                          String collectionMethod, Long daysUntilDue, String defaultPaymentMethod,
                          ArrayNode discounts, ArrayNode discountTerms) {

        public Billing(String billingReason, String subscription, ObjectNode subscriptionMetadata,
                String collectionMethod, Long daysUntilDue, String defaultPaymentMethod) {
            this(billingReason, subscription, subscriptionMetadata, collectionMethod, daysUntilDue,
                    defaultPaymentMethod, null, null);
        }

        /** The same billing with the subscription's discounts, applied to the invoice as a whole. */
        public Billing withDiscounts(ArrayNode ids, ArrayNode terms) {
            return new Billing(billingReason, subscription, subscriptionMetadata, collectionMethod, daysUntilDue,
                    defaultPaymentMethod, ids, terms);
        }
    }

    private final ObjectStore store;
    private final SandboxEvents events;
    private final Invoices invoices;
    private final InvoiceLifecycleResource lifecycle;

    InvoiceBilling(ObjectStore store, SandboxEvents events, Invoices invoices, InvoiceLifecycleResource lifecycle) {
        this.store = store;
        this.events = events;
        this.invoices = invoices;
        this.lifecycle = lifecycle;
    }

    /**
     * A new draft for the customer at {@code now}, with the given lines of the subscription's items
     * (line sources: amount, currency, description, period, pricing, quantity, and {@code _parent}) and the customer's
     * pending items in the currency (the subscription's prorations among them), with {@code invoice.created}.
     */
    public ObjectNode createDraft(StripeCall call, String customerId, String currency, Billing billing,
            List<ObjectNode> subscriptionLines, long now) {
        ObjectNode customer = store.require(call.accountId(), customerId, "customer", "customer");
        ObjectNode invoice = draft(call, customer, currency, billing, subscriptionLines, now,
                store.newObject("invoice", "in", now));
        store.insert(call.accountId(), invoice);
        String invoiceId = invoice.get("id").asString();
        for (ObjectNode item : pendingItems(call, customerId, currency, billing)) {
            ObjectNode held = store.require(call.accountId(), item.get("id").asString(), "invoiceitem", "id");
            held.put("invoice", invoiceId);
            held.put("_pending", false);
            store.update(call.accountId(), held);
        }
        InvoiceJson.computeLines(invoice, invoices.items(call.accountId(), invoiceId));
        store.update(call.accountId(), invoice);
        events.publish(call, "invoice.created", invoice);
        return invoice;
    }

    /**
     * The invoice the customer would get, not stored: the given (unsaved) invoice items, then the customer's pending
     * items when {@code includePending}, then the subscription's lines; lines' ids start {@code il_tmp_} as Stripe's
     * previews' do.
     */
    public ObjectNode preview(StripeCall call, String customerId, String currency, Billing billing,
            List<ObjectNode> extraItems, boolean includePending, List<ObjectNode> subscriptionLines, long now) {
        ObjectNode customer = store.require(call.accountId(), customerId, "customer", "customer");
        ObjectNode invoice = draft(call, customer, currency, billing, subscriptionLines, now,
                store.newObject("invoice", "upcoming_in", now));
        List<ObjectNode> items = new ArrayList<>(extraItems);
        if (includePending) {
            items.addAll(pendingItems(call, customerId, currency, billing));
        }
        List<ObjectNode> temporary = new ArrayList<>();
        for (ObjectNode item : items) {
            ObjectNode copy = item.deepCopy();
            copy.put("_line_id", Ids.generate("il_tmp"));
            temporary.add(copy);
        }
        ArrayNode lines = invoice.putArray("_subscription_lines");
        subscriptionLines.forEach(line -> lines.add(line.deepCopy().put("_line_id", Ids.generate("il_tmp"))));
        InvoiceJson.computeLines(invoice, temporary);
        invoice.remove("_subscription_lines");
        ((ObjectNode) invoice.get("lines")).put("url", "/v1/invoices/create_preview/lines");
        return invoice;
    }

    /** The customer's pending items this invoice takes: those of no subscription, and its own subscription's. */
    private List<ObjectNode> pendingItems(StripeCall call, String customerId, String currency, Billing billing) {
        return invoices.pendingItems(call.accountId(), customerId, currency).stream().filter(item -> {
            String subscription = item.at("/parent/subscription_details/subscription").asString(null);
            return subscription == null || subscription.equals(billing.subscription());
        }).toList();
    }

    private static ObjectNode draft(StripeCall call, ObjectNode customer, String currency, Billing billing,
            List<ObjectNode> subscriptionLines, long now, ObjectNode invoice) {
        InvoiceJson.draft(invoice, call.account(), customer, currency);
        invoice.put("billing_reason", billing.billingReason());
        invoice.put("auto_advance", true);
        invoice.put("collection_method", billing.collectionMethod());
        if ("send_invoice".equals(billing.collectionMethod())) {
            long days = billing.daysUntilDue() == null ? 0 : billing.daysUntilDue();
            invoice.put("_days_until_due", days);
            invoice.put("due_date", now + days * 86_400);
        }
        if (billing.defaultPaymentMethod() != null) {
            invoice.put("default_payment_method", billing.defaultPaymentMethod());
        }
        if (billing.subscription() != null) {
            ObjectNode parent = invoice.putObject("parent");
            parent.putNull("quote_details");
            ObjectNode details = parent.putObject("subscription_details");
            details.set("metadata", billing.subscriptionMetadata() == null ? invoice.objectNode()
                    : billing.subscriptionMetadata().deepCopy());
            details.put("subscription", billing.subscription());
            parent.put("type", "subscription_details");
            invoice.put("_subscription", billing.subscription()); // what lists filter by (subscription=)
        }
        if (billing.discounts() != null && !billing.discounts().isEmpty()) {
            // The subscription's discounts are the invoice's (Stripe lists them in its discounts): they apply to
            // its lines as a whole, an amount off shared between them. Their promotion codes' restrictions were
            // checked when the subscription took them, not at each invoice.
            invoice.set("discounts", billing.discounts().deepCopy());
            ArrayNode terms = billing.discountTerms().deepCopy();
            terms.forEach(term -> ((ObjectNode) term).putNull("promotion_code"));
            invoice.set("_discounts", terms);
        }
        ArrayNode lines = invoice.putArray("_subscription_lines");
        subscriptionLines.forEach(lines::add);
        long start = subscriptionLines.stream().mapToLong(line -> line.at("/period/start").asLong(now)).min()
                .orElse(now);
        long end = subscriptionLines.stream().mapToLong(line -> line.at("/period/end").asLong(now)).max().orElse(now);
        invoice.put("period_start", start);
        invoice.put("period_end", end);
        return invoice;
    }

    /** Draft → open (or paid when nothing is due), as {@code /finalize} does it. */
    public ObjectNode finalizeInvoice(StripeCall call, String invoiceId) {
        ObjectNode invoice = store.require(call.accountId(), invoiceId, "invoice", "invoice");
        return lifecycle.finalizeDraft(call, invoice);
    }

    /**
     * Charges the open invoice off session with the payment method (null: none, a failed attempt), as {@code /pay}
     * does: its events, its PaymentIntent's. A decline leaves the invoice open with the attempt counted; the card
     * error is given to {@code declined} (for a caller that must answer with it).
     */
    public Attempt pay(StripeCall call, String invoiceId, String paymentMethod, List<StripeError> declined) {
        if (paymentMethod == null) {
            ObjectNode invoice = store.require(call.accountId(), invoiceId, "invoice", "invoice");
            invoice.put("attempted", true);
            invoice.put("attempt_count", invoice.get("attempt_count").asLong() + 1);
            store.update(call.accountId(), invoice);
            events.publish(call, "invoice.payment_failed", invoice);
            declined.add(StripeError.builder(402).type("invalid_request_error").code("resource_missing")
                    .message("This customer has no attached payment source or default payment method.").build());
            return Attempt.FAILED;
        }
        StripeCall payCall = new StripeCall(call.account(), Map.of("payment_method", paymentMethod),
                Map.of("id", invoiceId), call.requestId(), call.idempotencyKey(), false, call.apiVersion());
        try {
            lifecycle.pay(payCall);
            return Attempt.PAID;
        } catch (StripeError error) {
            if (error.status() != 402) {
                throw error;
            }
            declined.add(error);
            return "invoice_payment_intent_requires_action".equals(error.code()) ? Attempt.REQUIRES_ACTION
                    : Attempt.FAILED;
        }
    }

    /** Voids an open invoice (its PaymentIntent canceled), as {@code /void} does. */
    public void voidInvoice(StripeCall call, String invoiceId) {
        StripeCall voidCall = new StripeCall(call.account(), Map.of(), Map.of("id", invoiceId), call.requestId(),
                call.idempotencyKey(), false, call.apiVersion());
        lifecycle.voidInvoice(voidCall);
    }
}
