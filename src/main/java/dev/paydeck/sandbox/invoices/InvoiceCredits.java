package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentintents.InvoicePaymentIntents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * What credit notes do to their invoice. A credit note first lowers what is still due on an open invoice (its
 * pre-payment part: {@code amount_due}, {@code amount_remaining}, {@code pre_payment_credit_notes_amount}); if
 * nothing remains due, the invoice is paid (its PaymentIntent canceled). The rest (its post-payment part) adds to
 * {@code post_payment_credit_notes_amount}. Voiding a credit note undoes this.
 */
@Service
public class InvoiceCredits {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final InvoicePayments payments;
    private final InvoicePaymentIntents intents;

    InvoiceCredits(ObjectStore store, SandboxClock clock, SandboxEvents events, InvoicePayments payments,
            InvoicePaymentIntents intents) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.payments = payments;
        this.intents = intents;
    }

    /** The invoice a credit note is for: open or paid, else Stripe's refusal. */
    public ObjectNode requireCreditable(String accountId, String invoiceId, String param) {
        ObjectNode invoice = store.require(accountId, invoiceId, "invoice", param);
        String status = invoice.get("status").asString();
        if (!status.equals("open") && !status.equals("paid")) {
            throw StripeError.invalid(param, "Invoice " + invoiceId + " is " + status + ": credit notes can only "
                    + "be issued for open or paid invoices.");
        }
        return invoice;
    }

    /** How much of a credit note goes to what is still due on the invoice: the rest is post-payment. */
    public static long prePaymentPart(ObjectNode invoice, long total) {
        return "open".equals(invoice.get("status").asString())
                ? Math.min(total, invoice.get("amount_remaining").asLong()) : 0;
    }

    /** The charge that paid the invoice, if a PaymentIntent did; null otherwise (paid out of band, or open). */
    public String paidCharge(String accountId, ObjectNode invoice) {
        String intentId = invoice.path("_payment_intent").asString(null);
        if (intentId == null) {
            return null;
        }
        ObjectNode intent = store.find(accountId, intentId).orElse(null);
        if (intent == null || !"succeeded".equals(intent.path("status").asString())) {
            return null;
        }
        return StripeObjects.string(intent, "latest_charge");
    }

    /** A credit note of that pre- and post-payment part was issued for the invoice. */
    public ObjectNode issued(StripeCall call, String invoiceId, long prePayment, long postPayment) {
        ObjectNode invoice = store.require(call.accountId(), invoiceId, "invoice", "invoice");
        ObjectNode before = invoice.deepCopy();
        change(invoice, prePayment, postPayment);
        String intentId = invoice.path("_payment_intent").asString(null);
        if (prePayment > 0 && invoice.get("amount_remaining").asLong() == 0) {
            if (intentId != null) {
                intents.cancel(call, intentId);
            }
            if (invoice.path("payments").isObject()) {
                ObjectNode payment = (ObjectNode) invoice.at("/payments/data/0");
                payment.put("status", "canceled");
                ((ObjectNode) payment.get("status_transitions")).put("canceled_at", clock.now());
                store.update(call.accountId(), payment.deepCopy());
            }
            announce(call, before, invoice);
            payments.markPaid(call.accountId(), call.apiVersion(), invoice, clock.now(), true);
            return invoice;
        }
        if (prePayment > 0 && intentId != null) {
            intents.changeAmount(call, intentId, invoice.get("amount_remaining").asLong());
        }
        store.update(call.accountId(), invoice);
        announce(call, before, invoice);
        return invoice;
    }

    /** A credit note of that pre- and post-payment part was voided: the invoice owes again what it lowered. */
    public ObjectNode voided(StripeCall call, String invoiceId, long prePayment, long postPayment) {
        ObjectNode invoice = store.require(call.accountId(), invoiceId, "invoice", "invoice");
        ObjectNode before = invoice.deepCopy();
        change(invoice, -prePayment, -postPayment);
        String intentId = invoice.path("_payment_intent").asString(null);
        if (prePayment > 0 && intentId != null && "open".equals(invoice.get("status").asString())) {
            intents.changeAmount(call, intentId, invoice.get("amount_remaining").asLong());
        }
        store.update(call.accountId(), invoice);
        announce(call, before, invoice);
        return invoice;
    }

    private static void change(ObjectNode invoice, long prePayment, long postPayment) {
        invoice.put("pre_payment_credit_notes_amount", invoice.get("pre_payment_credit_notes_amount").asLong()
                + prePayment);
        invoice.put("post_payment_credit_notes_amount", invoice.get("post_payment_credit_notes_amount").asLong()
                + postPayment);
        if (prePayment != 0) {
            invoice.put("amount_due", invoice.get("amount_due").asLong() - prePayment);
            invoice.put("amount_remaining", invoice.get("amount_remaining").asLong() - prePayment);
        }
    }

    private void announce(StripeCall call, ObjectNode before, ObjectNode invoice) {
        ObjectNode previous = StripeObjects.previousAttributes(before, invoice);
        if (!previous.isEmpty()) {
            events.publish(call, "invoice.updated", invoice, previous);
        }
    }
}
