package dev.paydeck.sandbox.creditnotes;

import dev.paydeck.sandbox.api.HostedPages;
import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.customers.CustomerBalances;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.invoices.InvoiceCredits;
import dev.paydeck.sandbox.paymentintents.Currencies;
import dev.paydeck.sandbox.refunds.Refunds;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issuing and voiding credit notes: the sums Stripe requires, the refund of the invoice's charge
 * ({@code refund_amount}), the credit to the customer's balance ({@code credit_amount}), the invoice's amounts
 * ({@link InvoiceCredits}), the number, and the {@code credit_note.*} events.
 */
@Component
class CreditNotes {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final InvoiceCredits invoices;
    private final CustomerBalances balances;
    private final Refunds refunds;

    CreditNotes(ObjectStore store, SandboxClock clock, SandboxEvents events, InvoiceCredits invoices,
            CustomerBalances balances, Refunds refunds) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.invoices = invoices;
        this.balances = balances;
        this.refunds = refunds;
    }

    /** Issues the credit note the call describes. */
    ObjectNode issue(StripeCall call) {
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
    ObjectNode draft(StripeCall call, ObjectNode invoice) {
        if (call.params().get("refunds") != null || call.params().get("shipping_cost") != null) {
            throw StripeError.invalid(call.params().get("refunds") != null ? "refunds" : "shipping_cost",
                    "The sandbox does not emulate linking existing refunds or crediting shipping yet.");
        }
        Map<String, CreditNoteLines.Credited> credited = new HashMap<>();
        for (ObjectNode earlier : issuedFor(call.accountId(), invoice.get("id").asString())) {
            earlier.at("/lines/data").forEach(line -> {
                if (!line.path("invoice_line_item").isNull()) {
                    boolean byQuantity = line.path("_by_quantity").asBoolean();
                    long quantity = byQuantity ? line.get("quantity").asLong() : 0;
                    credited.merge(line.get("invoice_line_item").asString(), new CreditNoteLines.Credited(
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

    /**
     * Voids the credit note: what it lowered of the invoice's amount due is due again and the credit it gave the
     * customer's balance is taken back. Refunds cannot be taken back: a credit note that refunded is not voided, nor
     * one whose invoice has since been paid after it lowered its amount due.
     */
    ObjectNode voidNote(StripeCall call) {
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
    String number(StripeCall call, ObjectNode invoice) {
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
}
