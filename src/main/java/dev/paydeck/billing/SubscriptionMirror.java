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
 * Brings local subscriptions in line with Stripe: event snapshots applied in order ({@link SubscriptionStatus#ORDER}
 * and the events' times: never backwards, re-read from Stripe when two disagree), objects read from Stripe (resync,
 * janitor) applied as the current truth. Subscriptions Paydeck has not seen (made in the Stripe dashboard, or on a
 * pricing page) are recorded. What Stripe did on its own is published: a renewal, a failed one (past due), the end.
 * The {@code apply} methods run inside the caller's transaction; Stripe is read only in {@link #read}, outside it.
 */
@Component
class SubscriptionMirror implements StripeEventReads {

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
     * Outside the event's transaction: Stripe's current subscription, when the local record says the snapshot looks
     * like a step backwards or disagrees with an event of the same second.
     */
    @Override
    public void read(StripeEventReceived event) throws StripeException {
        if (!event.type().startsWith("customer.subscription.")) {
            return;
        }
        var snapshot = event.dataObject(com.stripe.model.Subscription.class);
        var local = records.findByStripeId(event.organization(), snapshot.getId());
        if (local.isPresent() && Snapshot.needsRead(SubscriptionStatus.ORDER, local.get().subscription().status(),
                local.get().eventCreated(), statusOf(snapshot), event.created())) {
            event.read().put(snapshot.getId(), retrieve(event.organization(), snapshot.getId(),
                    local.get().subscription().id()));
        }
    }

    com.stripe.model.Subscription retrieve(OrganizationId organization, String stripeId, SubscriptionId about)
            throws StripeException {
        return StripeCallSubject.about("subscription", about, () -> stripe.forOrganization(organization).v1()
                .subscriptions().retrieve(stripeId));
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
        return Snapshot.toApply(SubscriptionStatus.ORDER, local.status(), locked.eventCreated(), statusOf(snapshot),
                        event.created(), snapshot, event.read().get(snapshot.getId(),
                                com.stripe.model.Subscription.class))
                .flatMap(current -> apply(organization, local.id(), current, event.created()))
                .orElse(new Change(local.id(), local.status(), local.status(), false, false));
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
