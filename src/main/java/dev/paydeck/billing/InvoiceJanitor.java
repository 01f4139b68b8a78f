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
 * Invoices left {@code pending} or {@code unknown}, for the janitor: the creation (the invoice, then each line) is sent
 * again with the same parameters and idempotency keys, so Stripe makes each once and answers with what it made. Past
 * Stripe's 24 hours for idempotency keys a re-send could duplicate, so such an invoice is left to a person.
 */
@Component
class InvoiceJanitor implements Unresolved<InvoiceId> {

    /** Stripe keeps an idempotency key for 24 hours; re-sends stop with margin before that. */
    static final Duration RESEND_WITHIN = Duration.ofHours(23);

    private final InvoiceRecords records;
    private final InvoiceCreation creation;
    private final InvoiceMirror mirror;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration after;

    InvoiceJanitor(InvoiceRecords records, InvoiceCreation creation, InvoiceMirror mirror,
            TransactionTemplate transactions, Clock clock,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after) {
        this.records = records;
        this.creation = creation;
        this.mirror = mirror;
        this.transactions = transactions;
        this.clock = clock;
        this.after = after;
    }

    @Override
    public String objects() {
        return "invoices";
    }

    @Override
    public List<Claimed<InvoiceId>> claim(int limit) {
        return records.claimUnresolved(after.toSeconds(), limit);
    }

    @Override
    public String resolve(OrganizationId organization, InvoiceId id) throws Exception {
        Invoice invoice = records.find(organization, id).filter(found -> found.status().isUnresolved()).orElse(null);
        if (invoice == null) {
            return "resolved meanwhile";
        }
        InvoiceRequest request = records.requestOf(organization, id).orElse(null);
        if (request == null || invoice.createdAt().isBefore(OffsetDateTime.now(clock).minus(RESEND_WITHIN))) {
            return "too old to send again safely: left " + invoice.status().code();
        }
        var created = creation.send(organization, id, request);
        var change = transactions.execute(status -> mirror.applyCurrent(organization, created, "stripe"));
        return "created in Stripe: " + change.after().code();
    }
}
