package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Credit notes left {@code pending} or {@code unknown} (Stripe's answer was lost), for the janitor: the create is sent
 * again with the same parameters and idempotency key, so Stripe issues the credit note once. Past Stripe's 24 hours
 * for idempotency keys one is left to a person.
 */
@Component
class CreditNoteJanitor implements Unresolved<CreditNoteId> {

    private final CreditNoteRecords records;
    private final InvoiceRecords invoices;
    private final CreditNotes creditNotes;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration after;

    CreditNoteJanitor(CreditNoteRecords records, InvoiceRecords invoices, CreditNotes creditNotes,
            TransactionTemplate transactions, Clock clock,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after) {
        this.records = records;
        this.invoices = invoices;
        this.creditNotes = creditNotes;
        this.transactions = transactions;
        this.clock = clock;
        this.after = after;
    }

    @Override
    public String objects() {
        return "credit notes";
    }

    @Override
    public List<Claimed<CreditNoteId>> claim(int limit) {
        return records.claimUnresolved(after.toSeconds(), limit);
    }

    @Override
    public String resolve(OrganizationId organization, CreditNoteId id) throws Exception {
        CreditNote note = records.find(organization, id)
                .filter(found -> found.status().equals("pending") || found.status().equals("unknown")).orElse(null);
        if (note == null) {
            return "resolved meanwhile";
        }
        if (note.createdAt().isBefore(OffsetDateTime.now(clock).minus(InvoiceJanitor.RESEND_WITHIN))) {
            return "too old to send again safely: left " + note.status();
        }
        Invoice invoice = invoices.find(organization, note.invoice()).orElseThrow();
        var issued = creditNotes.send(organization, id, invoice, note.amount(), note.reason(),
                note.memo(), note.refunded());
        transactions.executeWithoutResult(status -> records.apply(organization, id, issued));
        return "issued in Stripe";
    }
}
