package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import static dev.paydeck.sandbox.invoices.InvoiceStatus.OPEN;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.PAID;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.UNCOLLECTIBLE;

/**
 * An invoice is paid when its PaymentIntent succeeds, however it succeeded: {@code /pay}, a 3-D Secure challenge
 * completed by the customer afterwards, or a confirmation with the invoice's {@code confirmation_secret} (as
 * Stripe.js does on a payment page). Also pays invoices with nothing due and those paid out of band.
 */
@Component
class InvoicePayments {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;

    InvoicePayments(ObjectStore store, SandboxClock clock, SandboxEvents events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /** In the transaction that records {@code payment_intent.succeeded}: the invoice of that intent is paid. */
    @EventListener
    void eventRecorded(SandboxEvents.EventRecorded recorded) {
        ObjectNode event = recorded.event();
        if (!"payment_intent.succeeded".equals(event.path("type").asString())) {
            return;
        }
        String intentId = event.at("/data/object/id").asString();
        ObjectNode intent = store.find(recorded.accountId(), intentId).orElse(null);
        String invoiceId = intent == null ? null : intent.path("_invoice").asString(null);
        if (invoiceId == null) {
            return;
        }
        ObjectNode invoice = store.require(recorded.accountId(), invoiceId, "invoice", "invoice");
        InvoiceStatus status = InvoiceStatus.of(invoice.get("status").asString());
        if (status != OPEN && status != UNCOLLECTIBLE) {
            return;
        }
        long now = clock.nowFor(recorded.accountId(), invoice.get("customer").asString());
        ObjectNode payment = (ObjectNode) invoice.at("/payments/data/0");
        payment.put("status", "paid");
        payment.put("amount_paid", intent.get("amount_received").asLong());
        ((ObjectNode) payment.get("status_transitions")).put("paid_at", now);
        store.update(recorded.accountId(), payment.deepCopy());
        markPaid(recorded.accountId(), event.path("api_version").asString(null), invoice, now, false);
    }

    /** Open, uncollectible (or a draft with nothing due, just finalized) → paid, with Stripe's events. */
    void markPaid(String accountId, String apiVersion, ObjectNode invoice, long now, boolean outOfBand) {
        invoice.put("amount_paid", invoice.get("amount_due").asLong());
        invoice.put("amount_remaining", 0);
        invoice.put("status", InvoiceTransitions.move(InvoiceStatus.of(invoice.get("status").asString()), PAID)
                .stripeName());
        invoice.put("auto_advance", false);
        // A paid invoice has no further attempt planned (a retried renewal's, say).
        invoice.putNull("next_payment_attempt");
        ((ObjectNode) invoice.get("status_transitions")).put("paid_at", now);
        store.update(accountId, invoice);
        events.publish(accountId, apiVersion, "invoice.paid", invoice, null);
        if (!outOfBand) {
            events.publish(accountId, apiVersion, "invoice.payment_succeeded", invoice, null);
        }
    }
}
