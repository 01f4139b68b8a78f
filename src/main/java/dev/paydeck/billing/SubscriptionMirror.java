package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Snapshot;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.webhooks.StripeEventReads;
import dev.paydeck.webhooks.StripeEventReceived;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Brings local subscriptions in line with Stripe: status changes from event snapshots applied in order
 * ({@link SubscriptionStatus#ORDER} and the events' times: never backwards, re-read from Stripe when two disagree),
 * updates and objects read from Stripe (resync, janitor) applied as the current truth. Subscriptions Paydeck has not seen (made in the Stripe dashboard, or on a
 * pricing page) are recorded. What Stripe did on its own is published: a renewal, a failed one (past due), the end.
 * The {@code apply} methods run inside the caller's transaction; Stripe is read only in {@link #read}, outside it.
 */
@Component
class SubscriptionMirror implements StripeEventReads {

    /** The key under which {@link #read} keeps the record's version it saw before reading Stripe. */
    private static final String SEEN = "#record-version";

    private final SubscriptionRecords records;
    private final Customers customers;
    private final StripeClients stripe;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionMirror(SubscriptionRecords records, Customers customers, StripeClients stripe,
            ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.customers = customers;
        this.stripe = stripe;
        this.events = events;
        this.clock = clock;
    }

    /** What an event or resync did to a subscription. */
    record Change(SubscriptionId subscription, SubscriptionStatus before, SubscriptionStatus after, boolean recorded,
                  boolean updated) {

        boolean changed() {
            return recorded || updated;
        }
    }

    /**
     * A {@code customer.subscription.updated} takes Stripe's current subscription: its snapshot may share its status
     * with a newer state (a plan change, a cancellation undone) that Paydeck applied from Stripe's answer, and would
     * bring back what that changed. Except a renewal and nothing else ({@link SubscriptionRenewals}), applied from
     * its snapshot, and a snapshot of an earlier period than the record's, which has nothing to apply.
     */
    @Override
    public boolean readsFirst(StripeEventReceived event) {
        return event.type().equals("customer.subscription.updated");
    }

    /**
     * Outside the event's transaction: Stripe's current subscription, for an update (always), or when the local
     * record says the snapshot looks like a step backwards or disagrees with an event of the same second.
     */
    @Override
    public void read(StripeEventReceived event) throws StripeException {
        if (!event.type().startsWith("customer.subscription.")) {
            return;
        }
        var snapshot = event.dataObject(com.stripe.model.Subscription.class);
        var local = records.findByStripeId(event.organization(), snapshot.getId());
        if (readsFirst(event) && local.isPresent()
                && SubscriptionRenewals.olderThan(local.get().subscription(), snapshot)) {
            // Nothing to apply, nothing to read (applyRead checks it again under the lock).
            return;
        }
        if (readsFirst(event) && local.isPresent()
                && SubscriptionRenewals.renewsOnly(local.get().subscription(), snapshot)) {
            // A renewal and nothing else: the snapshot is applied as if read, provided the record has not changed
            // by the time it is locked (readBehind).
            event.read().put(snapshot.getId() + SEEN, Objects.requireNonNullElse(local.get().rowVersion(), ""));
            event.read().put(snapshot.getId(), snapshot);
            return;
        }
        if (readsFirst(event) || (local.isPresent() && Snapshot.needsRead(SubscriptionStatus.ORDER,
                local.get().subscription().status(), local.get().eventCreated(), statusOf(snapshot),
                event.created()))) {
            event.read().put(snapshot.getId() + SEEN, local.map(SubscriptionRecords.Versioned::rowVersion)
                    .orElse(""));
            event.read().put(snapshot.getId(), retrieve(event.organization(), snapshot.getId(),
                    local.map(found -> found.subscription().id()).orElse(null)));
        }
    }

    /**
     * Whether the record changed after Stripe was read for this event (an answer to Paydeck's own call committed
     * in between, say a plan change): the read may then be older than the record, and would bring back what that
     * change did. Active and past due go both ways, so no status order can tell; the row's version can.
     */
    private static boolean readBehind(StripeEventReceived event, String stripeId,
            SubscriptionRecords.Versioned locked) {
        return event.read().get(stripeId, com.stripe.model.Subscription.class).isPresent()
                && !event.read().get(stripeId + SEEN, String.class).orElse("")
                        .equals(locked.rowVersion() == null ? "" : locked.rowVersion());
    }

    com.stripe.model.Subscription retrieve(OrganizationId organization, String stripeId, SubscriptionId about)
            throws StripeException {
        StripeCallSubject.Call<com.stripe.model.Subscription> call = () -> stripe.forOrganization(organization).v1()
                .subscriptions().retrieve(stripeId);
        return about == null ? call.call() : StripeCallSubject.about("subscription", about, call);
    }

    /** Applies a snapshot from an event, in order: never backwards, re-read when it looks so. */
    Change applySnapshot(StripeEventReceived event, com.stripe.model.Subscription snapshot) {
        OrganizationId organization = event.organization();
        SubscriptionRecords.Versioned locked = records.lockByStripeId(organization, snapshot.getId())
                .orElseGet(() -> recordUnseen(organization, snapshot, event.created()));
        Subscription local = locked.subscription();
        if (locked.recordedNow()) {
            return new Change(local.id(), SubscriptionStatus.UNKNOWN, local.status(), true, true);
        }
        if (readBehind(event, snapshot.getId(), locked)) {
            throw new dev.paydeck.shared.mirror.StaleReadException(snapshot);
        }
        return Snapshot.toApply(SubscriptionStatus.ORDER, local.status(), locked.eventCreated(), statusOf(snapshot),
                        event.created(), snapshot, event.read().get(snapshot.getId(),
                                com.stripe.model.Subscription.class))
                .flatMap(current -> apply(organization, local.id(), current, event.created()))
                .orElse(new Change(local.id(), local.status(), local.status(), false, false));
    }

    /**
     * Applies Stripe's current subscription, read before the event's transaction ({@link #readsFirst}), as the truth
     * (a final local status stays); the event's time is kept as the newest applied.
     */
    Change applyRead(StripeEventReceived event, com.stripe.model.Subscription snapshot) {
        OrganizationId organization = event.organization();
        Optional<com.stripe.model.Subscription> read = event.read().get(snapshot.getId(),
                com.stripe.model.Subscription.class);
        if (read.isEmpty()) {
            // Not read: an event older than the record, which has nothing to apply if it still is.
            Subscription local = records.lockByStripeId(organization, snapshot.getId())
                    .map(SubscriptionRecords.Versioned::subscription)
                    .filter(held -> SubscriptionRenewals.olderThan(held, snapshot))
                    .orElseThrow(() -> new dev.paydeck.shared.mirror.StaleReadException(snapshot));
            return new Change(local.id(), local.status(), local.status(), false, false);
        }
        com.stripe.model.Subscription current = read.get();
        SubscriptionRecords.Versioned locked = records.lockByStripeId(organization, current.getId())
                .orElseGet(() -> recordUnseen(organization, current, event.created()));
        Subscription local = locked.subscription();
        if (locked.recordedNow()) {
            return new Change(local.id(), SubscriptionStatus.UNKNOWN, local.status(), true, true);
        }
        if (readBehind(event, current.getId(), locked)) {
            throw new dev.paydeck.shared.mirror.StaleReadException(snapshot);
        }
        return apply(organization, local.id(), current, event.created())
                .orElse(new Change(local.id(), local.status(), local.status(), false, false));
    }

    /**
     * A subscription's first event ({@code created}) or a notice ({@code trial_will_end}): recorded when Paydeck does
     * not know it yet (or still waits for Stripe's answer), never applied over a record that has moved on.
     */
    Change recordIfNew(StripeEventReceived event, com.stripe.model.Subscription snapshot) {
        Optional<SubscriptionRecords.Versioned> known = records.findByStripeId(event.organization(), snapshot.getId())
                .filter(found -> !found.subscription().status().isUnresolved());
        if (known.isPresent()) {
            Subscription local = known.get().subscription();
            return new Change(local.id(), local.status(), local.status(), false, false);
        }
        return applySnapshot(event, snapshot);
    }

    /** Applies a subscription just read from Stripe: the current truth (a final local status stays). */
    Change applyCurrent(OrganizationId organization, com.stripe.model.Subscription current) {
        Optional<SubscriptionRecords.Versioned> known = records.lockByStripeId(organization, current.getId());
        SubscriptionRecords.Versioned locked = known.orElseGet(() -> recordUnseen(organization, current, null));
        Subscription local = locked.subscription();
        if (locked.recordedNow()) {
            return new Change(local.id(), SubscriptionStatus.UNKNOWN, local.status(), true, true);
        }
        return apply(organization, local.id(), current, null)
                .orElse(new Change(local.id(), local.status(), local.status(), false, false));
    }

    private Optional<Change> apply(OrganizationId organization, SubscriptionId id,
            com.stripe.model.Subscription subscription, Long eventCreated) {
        return records.apply(organization, id, subscription, eventCreated, customerOf(organization, subscription))
                .map(applied -> {
                    publish(organization, applied.before(), applied.after());
                    return new Change(id, applied.before().status(), applied.after().status(), false,
                            !sameState(applied.before(), applied.after()));
                });
    }

    /** What Stripe did on its own, seen by comparing the record before and after. */
    private void publish(OrganizationId organization, Subscription before, Subscription after) {
        if (before.status().isUnresolved()) {
            return;
        }
        if (after.status() == SubscriptionStatus.PAST_DUE && before.status() != SubscriptionStatus.PAST_DUE) {
            events.publishEvent(new SubscriptionPastDue(organization, after.id(), after.latestInvoice(), "stripe",
                    clock.instant()));
        }
        if (after.status() == SubscriptionStatus.CANCELED && before.status() != SubscriptionStatus.CANCELED) {
            events.publishEvent(new SubscriptionCanceled(organization, after.id(), after.stripeSubscriptionId(),
                    "stripe", clock.instant()));
        }
        if (before.currentPeriodStart() != null && after.currentPeriodStart() != null
                && after.currentPeriodStart().isAfter(before.currentPeriodStart())
                && after.status() != SubscriptionStatus.CANCELED) {
            events.publishEvent(new SubscriptionRenewed(organization, after.id(), after.currentPeriodStart(),
                    "stripe", clock.instant()));
        }
    }

    /** Publishes that the trial ends soon (Stripe's {@code customer.subscription.trial_will_end}). */
    void trialEnding(OrganizationId organization, SubscriptionId id) {
        records.find(organization, id).filter(s -> s.trialEnd() != null).ifPresent(s -> events.publishEvent(
                new SubscriptionTrialEnding(organization, id, s.trialEnd(), "stripe", clock.instant())));
    }

    private static boolean sameState(Subscription before, Subscription after) {
        return before.status() == after.status() && before.cancelAtPeriodEnd() == after.cancelAtPeriodEnd()
                && Objects.equals(before.currentPeriodEnd(), after.currentPeriodEnd())
                && Objects.equals(before.latestInvoice(), after.latestInvoice())
                && Objects.equals(before.items(), after.items())
                && Objects.equals(before.trialEnd(), after.trialEnd());
    }

    /**
     * For a subscription no local record carries yet: Paydeck's own (named in its metadata, not yet linked), or a new
     * record made from it; locked by this transaction.
     */
    private SubscriptionRecords.Versioned recordUnseen(OrganizationId organization,
            com.stripe.model.Subscription subscription, Long eventCreated) {
        SubscriptionId paydeckId = paydeckId(subscription.getMetadata() == null ? null
                : subscription.getMetadata().get(Subscriptions.PAYDECK_ID)).map(SubscriptionId::new).orElse(null);
        if (paydeckId != null) {
            Optional<SubscriptionRecords.Versioned> ours = records.lockVersioned(organization, paydeckId);
            if (ours.isPresent()) {
                return ours.get();
            }
        }
        SubscriptionId id = paydeckId != null ? paydeckId : SubscriptionId.random();
        return records.insertFromStripe(organization, id, subscription, eventCreated,
                        customerOf(organization, subscription))
                .map(inserted -> new SubscriptionRecords.Versioned(inserted, eventCreated, true))
                .or(() -> records.lockByStripeId(organization, subscription.getId()))
                .orElseThrow(() -> new IllegalStateException("Subscription " + subscription.getId()
                        + " could not be recorded"));
    }

    private CustomerId customerOf(OrganizationId organization, com.stripe.model.Subscription subscription) {
        return subscription.getCustomer() == null ? null : customers.findByStripeId(organization,
                subscription.getCustomer()).map(dev.paydeck.customers.Customer::id).orElse(null);
    }

    private static SubscriptionStatus statusOf(com.stripe.model.Subscription subscription) {
        return SubscriptionStatus.parse(subscription.getStatus()).orElse(SubscriptionStatus.UNKNOWN);
    }

    private static Optional<UUID> paydeckId(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
