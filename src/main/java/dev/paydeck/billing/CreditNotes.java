package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import com.stripe.param.CreditNoteCreateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.RecordFirst;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.shared.mirror.StripeIdempotency;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Optional;

/**
 * Credit notes on paid invoices, issued in Stripe with the mirror recipe (the record first, then Stripe with the key
 * {@code paydeck-credit-note-<id>}): an invoice paid through Stripe has the amount refunded to its payment; one paid
 * outside Stripe has it recorded as given back outside Stripe. Never more than the invoice's total in all.
 */
@Service("billingCreditNotes")
public class CreditNotes {

    private final CreditNoteRecords records;
    private final InvoiceRecords invoices;
    private final StripeClients stripe;
    private final TransactionTemplate transactions;

    CreditNotes(CreditNoteRecords records, InvoiceRecords invoices, StripeClients stripe,
            TransactionTemplate transactions) {
        this.records = records;
        this.invoices = invoices;
        this.stripe = stripe;
        this.transactions = transactions;
    }

    /**
     * Issues a credit note of {@code amount} on the paid invoice; empty when there is no such invoice. An
     * {@link Invoices.InvalidInvoiceException} for an amount it cannot take, an {@link Invoices.InvoiceStateException}
     * when the invoice is not paid, a {@link StripeFailure} when Stripe refuses or does not answer.
     */
    public Optional<CreditNote> create(OrganizationId organization, InvoiceId invoiceId, long amount, String reason,
            String memo) {
        Optional<Invoice> found = invoices.find(organization, invoiceId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Invoice invoice = found.get();
        if (invoice.status() != InvoiceStatus.PAID) {
            throw new Invoices.InvoiceStateException("Only a paid invoice takes a credit note here; an open one is "
                    + "voided or changed instead.");
        }
        if (reason != null && !CreditNote.REASONS.contains(reason)) {
            throw new Invoices.InvalidInvoiceException("reason", "must be one of " + String.join(", ",
                    CreditNote.REASONS));
        }
        long left = invoice.amountPaid().minor() - records.credited(organization, invoiceId);
        if (amount < 1 || amount > left) {
            throw new Invoices.InvalidInvoiceException("amount", "must be between 1 and " + Math.max(left, 0)
                    + " (what was paid and not yet credited, in the smallest currency unit)");
        }
        CreditNoteId id = CreditNoteId.random();
        Money money = Money.of(amount, invoice.currency());
        boolean refunded = !invoice.paidOutOfBand();
        records.insertPending(organization, id, invoiceId, money, reason, memo, refunded);
        com.stripe.model.CreditNote issued = RecordFirst.send(
                () -> send(organization, id, invoice, money, reason, memo, refunded),
                RecordFirst.pending(() -> records.markUnknown(organization, id),
                        () -> records.remove(organization, id)),
                "credit_note_id", id.id());
        transactions.executeWithoutResult(status -> records.apply(organization, id, issued));
        return records.ofInvoice(organization, invoiceId).stream().filter(note -> note.id().equals(id)).findFirst();
    }

    /**
     * Issues the credit note in Stripe; the same call each time for the same record. Logged as a call about the
     * invoice, so that the invoice's page lists it with the others.
     */
    com.stripe.model.CreditNote send(OrganizationId organization, CreditNoteId id, Invoice invoice, Money amount,
            String reason, String memo, boolean refunded) throws StripeException {
        var params = CreditNoteCreateParams.builder().setInvoice(invoice.stripeInvoiceId()).setAmount(amount.minor())
                .putMetadata("paydeck_credit_note_id", id.toString());
        if (refunded) {
            params.setRefundAmount(amount.minor());
        } else {
            params.setOutOfBandAmount(amount.minor());
        }
        if (reason != null) {
            params.setReason(CreditNoteCreateParams.Reason.valueOf(reason.toUpperCase(java.util.Locale.ROOT)));
        }
        if (memo != null) {
            params.setMemo(memo);
        }
        return StripeCallSubject.about("invoice", invoice.id(), () -> stripe.forOrganization(organization).v1()
                .creditNotes().create(params.build(), StripeIdempotency.options("credit-note", id.id())));
    }

    /** The invoice's credit notes, oldest first. */
    public List<CreditNote> ofInvoice(OrganizationId organization, InvoiceId invoice) {
        return records.ofInvoice(organization, invoice);
    }
}
