package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import com.stripe.model.InvoiceLineItem;
import com.stripe.param.InvoiceLineItemListParams;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Snapshot;
import dev.paydeck.shared.mirror.StaleReadException;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.webhooks.StripeEventReads;
import dev.paydeck.webhooks.StripeEventReceived;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Brings local invoices in line with Stripe's: from Stripe's answers, from event snapshots applied in order
 * ({@link InvoiceStatus#ORDER}, never backwards) and from invoices re-read from Stripe. Invoices Paydeck has not seen
 * (made in the Stripe dashboard, or by a subscription) are recorded; Paydeck's own are found by the id it put in their
 * metadata. The {@code apply} methods run in the caller's transaction, under the row's lock; Stripe is read only
 * outside it. A change of status publishes its {@link InvoiceEvent}, once: whoever records it first (Paydeck's
 * action or Stripe's event) publishes it.
 */
@Component
class InvoiceMirror implements StripeEventReads {

    private final InvoiceRecords records;
    private final StripeClients stripe;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoiceMirror(InvoiceRecords records, StripeClients stripe, Customers customers, ApplicationEventPublisher events,
            Clock clock) {
        this.records = records;
        this.stripe = stripe;
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** What applying did: the status before and after, and whether the invoice was recorded now. */
    record Change(InvoiceId invoice, InvoiceStatus before, InvoiceStatus after, boolean recorded) {

        boolean changed() {
            return recorded || before != after;
        }
    }

    /** Stripe's invoice as it is now, with all its lines; {@code about}: the local invoice, when known. */
    com.stripe.model.Invoice retrieve(OrganizationId organization, String stripeInvoiceId, InvoiceId about)
            throws StripeException {
        StripeCallSubject.Call<com.stripe.model.Invoice> call = () -> withAllLines(organization,
                stripe.forOrganization(organization).v1().invoices().retrieve(stripeInvoiceId));
        return about == null ? call.call() : StripeCallSubject.about("invoice", about, call);
    }

    /** Stripe lists an invoice's first lines with it; the others are read page by page. */
    com.stripe.model.Invoice withAllLines(OrganizationId organization, com.stripe.model.Invoice invoice)
            throws StripeException {
        if (invoice.getLines() != null && Boolean.TRUE.equals(invoice.getLines().getHasMore())) {
            List<InvoiceLineItem> all = new ArrayList<>();
            stripe.forOrganization(organization).v1().invoices().lineItems()
                    .list(invoice.getId(), InvoiceLineItemListParams.builder().setLimit(100L).build())
                    .autoPagingIterable().forEach(all::add);
            invoice.getLines().setData(all);
            invoice.getLines().setHasMore(false);
        }
        return invoice;
    }

    /**
     * A draft's lines and amounts change without its status changing, so a late {@code invoice.created} (before its
     * lines were added) would look as new as the last {@code invoice.updated}: these two events apply Stripe's
     * current invoice, read before their transaction — unless the snapshot of an {@code invoice.created} is enough
     * ({@link #applyCreated}: a year of a thousand renewals read 13,000 invoices back for nothing).
     */
    private static final java.util.Set<String> READS_FIRST = java.util.Set.of("invoice.created", "invoice.updated");

    @Override
    public boolean readsFirst(StripeEventReceived event) {
        return READS_FIRST.contains(event.type());
    }

    /**
     * Outside the event's transaction: Stripe's current invoice, for the events that always take it, when the local
     * record says the snapshot looks like a step backwards, or when the snapshot's lines are not all there.
     */
    @Override
    public void read(StripeEventReceived event) throws StripeException {
        if (!event.type().startsWith("invoice.")) {
            return;
        }
        var snapshot = event.dataObject(com.stripe.model.Invoice.class);
        var local = records.findByStripeId(event.organization(), snapshot.getId());
        boolean partial = snapshot.getLines() != null && Boolean.TRUE.equals(snapshot.getLines().getHasMore());
        boolean createdWithoutRead = isCreated(event, snapshot) && (local.isEmpty() ? paydeckId(snapshot).isEmpty()
                : pastDraft(local.get().invoice().status()));
        if (!event.type().equals("invoice.deleted") && !createdWithoutRead && (partial
                || READS_FIRST.contains(event.type()) || local.isPresent()
                && Snapshot.needsRead(InvoiceStatus.ORDER, local.get().invoice().status(),
                local.get().eventCreated(), statusOf(snapshot), event.created()))) {
            event.read().put(snapshot.getId(), retrieve(event.organization(), snapshot.getId(),
                    local.map(found -> found.invoice().id()).orElse(null)));
        }
    }

    /** Applies an invoice snapshot from an event, in order: never backwards, re-read when it looks so. */
    Change applySnapshot(StripeEventReceived event, com.stripe.model.Invoice snapshot) {
        OrganizationId organization = event.organization();
        Optional<com.stripe.model.Invoice> read = event.read().get(snapshot.getId(), com.stripe.model.Invoice.class);
        if (isCreated(event, snapshot) && read.isEmpty()) {
            return applyCreated(event, snapshot);
        }
        boolean useCurrent = snapshot.getLines() != null && Boolean.TRUE.equals(snapshot.getLines().getHasMore())
                || READS_FIRST.contains(event.type());
        if (useCurrent && read.isEmpty()) {
            throw new StaleReadException(snapshot);
        }
        InvoiceRecords.Versioned locked = lockOrRecord(organization, useCurrent ? read.get() : snapshot,
                event.created());
        Invoice local = locked.invoice();
        if (locked.recordedNow()) {
            return new Change(local.id(), InvoiceStatus.UNKNOWN, local.status(), true);
        }
        if (read.isPresent() && isBehind(local.status(), statusOf(read.get()))) {
            // Read before the record moved on (an answer to Paydeck's own call committed meanwhile): read again.
            throw new StaleReadException(snapshot);
        }
        InvoiceStatus after = Snapshot.toApply(InvoiceStatus.ORDER, local.status(), locked.eventCreated(),
                        statusOf(snapshot), event.created(), useCurrent ? read.get() : snapshot, read)
                .flatMap(invoice -> apply(organization, local, invoice, event.created(), "stripe"))
                .map(Invoice::status).orElse(local.status());
        return new Change(local.id(), local.status(), after, false);
    }

    /** An {@code invoice.created} with all its lines (a snapshot that can stand for the invoice as it was made). */
    private static boolean isCreated(StripeEventReceived event, com.stripe.model.Invoice snapshot) {
        return event.type().equals("invoice.created")
                && !(snapshot.getLines() != null && Boolean.TRUE.equals(snapshot.getLines().getHasMore()));
    }

    /** Finalized, paid, voided… or deleted: no draft's snapshot can be newer than the record. */
    private static boolean pastDraft(InvoiceStatus status) {
        return status != InvoiceStatus.DRAFT && !status.isUnresolved();
    }

    /**
     * An {@code invoice.created} applied without reading Stripe, where its snapshot is enough: an invoice made
     * outside Paydeck (a renewal) that Paydeck has no record of is recorded from it; a record already past its draft
     * (an event of the same invoice came first) is newer, and stays. A draft or unresolved record needs Stripe's
     * current invoice (a draft's lines change without its status changing): read, then applied.
     */
    private Change applyCreated(StripeEventReceived event, com.stripe.model.Invoice snapshot) {
        OrganizationId organization = event.organization();
        Optional<InvoiceRecords.Versioned> known = records.lockByStripeId(organization, snapshot.getId());
        if (known.isEmpty() && paydeckId(snapshot).isEmpty()) {
            InvoiceRecords.Versioned recorded = lockOrRecord(organization, snapshot, event.created());
            if (recorded.recordedNow()) {
                Invoice invoice = recorded.invoice();
                return new Change(invoice.id(), InvoiceStatus.UNKNOWN, invoice.status(), true);
            }
            known = Optional.of(recorded);
        }
        if (known.isPresent() && pastDraft(known.get().invoice().status())) {
            Invoice local = known.get().invoice();
            return new Change(local.id(), local.status(), local.status(), false);
        }
        throw new StaleReadException(snapshot);
    }

    /** Stripe's invoice never goes back: a read whose status the record has left behind is older than the record. */
    private static boolean isBehind(InvoiceStatus local, InvoiceStatus read) {
        return read != local && !InvoiceStatus.ORDER.isFinal(local) && !local.isUnresolved()
                && !InvoiceStatus.ORDER.allows(local, read);
    }

    /** Applies an invoice just read from Stripe (an answer, a resync): it is the current truth, a final status aside. */
    Change applyCurrent(OrganizationId organization, com.stripe.model.Invoice invoice, String actor) {
        InvoiceRecords.Versioned locked = lockOrRecord(organization, invoice, null);
        Invoice local = locked.invoice();
        if (locked.recordedNow()) {
            return new Change(local.id(), InvoiceStatus.UNKNOWN, local.status(), true);
        }
        InvoiceStatus after = apply(organization, local, invoice, null, actor).map(Invoice::status)
                .orElse(local.status());
        return new Change(local.id(), local.status(), after, false);
    }

    /** A draft deleted in Stripe: its record says so (a final status). */
    void markDeleted(OrganizationId organization, String stripeInvoiceId, long eventCreated) {
        records.lockByStripeId(organization, stripeInvoiceId)
                .filter(found -> found.invoice().status() == InvoiceStatus.DRAFT)
                .ifPresent(found -> records.markDeleted(organization, found.invoice().id(), eventCreated));
    }

    /** Records that Stripe sent the invoice; publishes {@link InvoiceSent} the first time. */
    void markSent(OrganizationId organization, InvoiceId id, String actor) {
        records.markSent(organization, id).ifPresent(sent -> events.publishEvent(new InvoiceSent(organization, id,
                sent.total(), actor, clock.instant())));
    }

    void paymentFailed(OrganizationId organization, InvoiceId id) {
        records.find(organization, id).ifPresent(invoice -> events.publishEvent(new InvoicePaymentFailed(
                organization, id, invoice.total(), "stripe", clock.instant())));
    }

    /** Applies Stripe's invoice to the locked local one and publishes what its change of status means. */
    private Optional<Invoice> apply(OrganizationId organization, Invoice local, com.stripe.model.Invoice invoice,
            Long eventCreated, String actor) {
        Optional<Invoice> applied = records.apply(organization, local.id(), invoice, customerOf(organization,
                invoice), eventCreated);
        applied.ifPresent(after -> publish(organization, local.status(), after, actor));
        return applied;
    }

    private void publish(OrganizationId organization, InvoiceStatus before, Invoice after, String actor) {
        if (before == after.status()) {
            return;
        }
        InvoiceEvent happened = switch (after.status()) {
            case OPEN -> new InvoiceFinalized(organization, after.id(), after.total(), actor, clock.instant());
            case PAID -> new InvoicePaid(organization, after.id(), after.total(), after.paidOutOfBand(), actor,
                    clock.instant());
            case VOID -> new InvoiceVoided(organization, after.id(), after.total(), actor, clock.instant());
            case UNCOLLECTIBLE -> new InvoiceMarkedUncollectible(organization, after.id(), after.total(), actor,
                    clock.instant());
            default -> null;
        };
        if (happened != null) {
            events.publishEvent(happened);
        }
    }

    /** The local invoice, locked; recorded (and published as created) when Paydeck has none. */
    private InvoiceRecords.Versioned lockOrRecord(OrganizationId organization, com.stripe.model.Invoice invoice,
            Long eventCreated) {
        Optional<InvoiceRecords.Versioned> known = records.lockByStripeId(organization, invoice.getId());
        if (known.isPresent()) {
            return known.get();
        }
        InvoiceId paydeckId = paydeckId(invoice).orElse(null);
        if (paydeckId != null) {
            Optional<InvoiceRecords.Versioned> ours = records.lock(organization, paydeckId);
            if (ours.isPresent()) {
                return ours.get();
            }
        }
        InvoiceId id = paydeckId != null ? paydeckId : InvoiceId.random();
        return records.insertFromStripe(organization, id, invoice, customerOf(organization, invoice), eventCreated)
                .map(inserted -> {
                    events.publishEvent(new InvoiceCreated(organization, id, inserted.total(), "stripe",
                            clock.instant()));
                    publish(organization, InvoiceStatus.DRAFT, inserted, "stripe");
                    return new InvoiceRecords.Versioned(inserted, eventCreated, true);
                })
                .or(() -> records.lockByStripeId(organization, invoice.getId()))
                .orElseThrow(() -> new IllegalStateException("Invoice " + invoice.getId() + " could not be recorded"));
    }

    private CustomerId customerOf(OrganizationId organization, com.stripe.model.Invoice invoice) {
        return invoice.getCustomer() == null ? null : customers.findByStripeId(organization, invoice.getCustomer())
                .map(found -> found.id()).orElse(null);
    }

    static InvoiceStatus statusOf(com.stripe.model.Invoice invoice) {
        return InvoiceStatus.parse(invoice.getStatus()).orElse(InvoiceStatus.UNKNOWN);
    }

    private static Optional<InvoiceId> paydeckId(com.stripe.model.Invoice invoice) {
        String text = invoice.getMetadata() == null ? null : invoice.getMetadata().get(Invoices.PAYDECK_ID);
        try {
            return text == null ? Optional.empty() : Optional.of(new InvoiceId(UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
