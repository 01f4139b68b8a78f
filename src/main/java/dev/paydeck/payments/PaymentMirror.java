package dev.paydeck.payments;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundListParams;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Snapshot;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.shared.mirror.StripeCodes;
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
 * Brings local payments, their charges and refunds in line with what Stripe says: from Stripe's answers, from event
 * snapshots applied in order ({@link PaymentStatus#ORDER}, never backwards), and from objects re-read from Stripe.
 * Payments Paydeck has not seen (made in the Stripe dashboard, or whose creation answer was lost) are recorded. The
 * {@code apply} methods run inside the caller's transaction; Stripe is read only in {@link #read}, outside it.
 * The first time a payment is seen succeeded, {@link PaymentSucceeded} is published.
 */
@Component
class PaymentMirror implements StripeEventReads {

    private static final String REFUNDS = "refunds:";

    private final PaymentRecords records;
    private final ChargeRecords charges;
    private final RefundRecords refunds;
    private final StripeClients stripe;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentMirror(PaymentRecords records, ChargeRecords charges, RefundRecords refunds, StripeClients stripe,
            Customers customers, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.records = records;
        this.charges = charges;
        this.refunds = refunds;
        this.stripe = stripe;
        this.customers = customers;
        this.events = events;
    }

    /** Stripe's PaymentIntent as it is now, with its latest charge; {@code about}: the payment, when known. */
    PaymentIntent retrieve(OrganizationId organization, String paymentIntentId, PaymentId about)
            throws StripeException {
        StripeCallSubject.Call<PaymentIntent> call = () -> stripe.forOrganization(organization).v1()
                .paymentIntents().retrieve(paymentIntentId, PaymentIntentRetrieveParams.builder()
                        .addAllExpand(Payments.EXPAND).build());
        return about == null ? call.call() : StripeCallSubject.about("payment", about, call);
    }

    /**
     * Makes the payment what Stripe's PaymentIntent says (a final status stays), with its latest charge when expanded.
     * {@code eventCreated} is the event's time when the intent comes from one (null otherwise).
     */
    Optional<PaymentRecords.Applied> apply(OrganizationId organization, PaymentId id, PaymentIntent intent,
            Long eventCreated, String actor) {
        Optional<PaymentRecords.Applied> applied = records.apply(organization, id, intent, eventCreated);
        if (applied.isPresent() && intent.getLatestChargeObject() != null) {
            charges.apply(organization, id, intent.getLatestChargeObject());
        }
        applied.filter(PaymentRecords.Applied::succeededNow).ifPresent(done -> events.publishEvent(
                new PaymentSucceeded(organization, id, done.payment().customerId(),
                        done.payment().amountReceived(), actor, clock.instant())));
        return applied;
    }

    /** What an event or resync did to a payment: its status before and after, and whether it was recorded now. */
    record Change(PaymentId payment, PaymentStatus before, PaymentStatus after, boolean recorded) {

        boolean changed() {
            return recorded || before != after;
        }
    }

    /** A {@code charge.refunded} always takes the PaymentIntent and its refunds as Stripe has them now. */
    @Override
    public boolean readsFirst(StripeEventReceived event) {
        return event.type().equals("charge.refunded");
    }

    /**
     * Outside the event's transaction: reads from Stripe what applying it needs — for a PaymentIntent's event,
     * Stripe's current intent when the local payment says the snapshot looks like a step backwards (asked for by
     * {@link #applySnapshot} under its lock).
     */
    @Override
    public void read(StripeEventReceived event) throws StripeException {
        OrganizationId organization = event.organization();
        if (event.type().startsWith("payment_intent.")) {
            PaymentIntent snapshot = event.dataObject(PaymentIntent.class);
            var local = records.findByStripeId(organization, snapshot.getId());
            if (local.isPresent() && Snapshot.needsRead(PaymentStatus.ORDER, local.get().payment().status(),
                    local.get().eventCreated(), statusOf(snapshot), event.created())) {
                event.read().put(snapshot.getId(), retrieve(organization, snapshot.getId(),
                        local.get().payment().id()));
            }
        } else if (event.type().equals("charge.refunded")) {
            String intentId = event.dataObject(com.stripe.model.Charge.class).getPaymentIntent();
            if (intentId != null) {
                var local = records.findByStripeId(organization, intentId).map(found -> found.payment().id());
                event.read().put(intentId, retrieve(organization, intentId, local.orElse(null)));
                List<com.stripe.model.Refund> all = new ArrayList<>();
                stripe.forOrganization(organization).v1().refunds()
                        .list(RefundListParams.builder().setPaymentIntent(intentId).setLimit(100L).build())
                        .autoPagingIterable().forEach(all::add);
                event.read().put(REFUNDS + intentId, new RefundsOf(all));
            }
        } else if (event.type().startsWith("refund.")) {
            String intentId = event.dataObject(com.stripe.model.Refund.class).getPaymentIntent();
            if (intentId != null && records.findByStripeId(organization, intentId).isEmpty()) {
                event.read().put(intentId, retrieve(organization, intentId, null));
            }
        }
    }

    /** Every refund of a PaymentIntent, as Stripe listed them before the transaction. */
    private record RefundsOf(List<com.stripe.model.Refund> refunds) {
    }

    /** Applies a PaymentIntent snapshot from an event, in order: never backwards, re-read when it looks so. */
    Change applySnapshot(StripeEventReceived event, PaymentIntent snapshot) {
        OrganizationId organization = event.organization();
        PaymentRecords.Versioned locked = records.lockByStripeId(organization, snapshot.getId())
                .orElseGet(() -> recordUnseen(organization, snapshot, event.created()));
        Payment local = locked.payment();
        if (locked.recordedNow()) {
            publishIfSucceeded(organization, local);
            return new Change(local.id(), PaymentStatus.UNKNOWN, local.status(), true);
        }
        PaymentStatus after = Snapshot.toApply(PaymentStatus.ORDER, local.status(), locked.eventCreated(),
                        statusOf(snapshot), event.created(), snapshot,
                        event.read().get(snapshot.getId(), PaymentIntent.class))
                .flatMap(intent -> apply(organization, local.id(), intent, event.created(), "stripe"))
                .map(applied -> applied.payment().status())
                .orElse(local.status());
        return new Change(local.id(), local.status(), after, false);
    }

    /** Applies a PaymentIntent just read from Stripe: it is the current truth (a final local status stays). */
    Change applyCurrent(OrganizationId organization, PaymentIntent intent) {
        Optional<PaymentRecords.Versioned> known = records.findByStripeId(organization, intent.getId());
        if (known.isPresent()) {
            Payment local = known.get().payment();
            return new Change(local.id(), local.status(), apply(organization, local.id(), intent, null, "stripe")
                    .map(applied -> applied.payment().status()).orElse(local.status()), false);
        }
        PaymentRecords.Versioned unseen = recordUnseen(organization, intent, null);
        Payment local = unseen.payment();
        if (unseen.recordedNow()) {
            publishIfSucceeded(organization, local);
            return new Change(local.id(), PaymentStatus.UNKNOWN, local.status(), true);
        }
        // Paydeck's own payment, found by its metadata link, takes the intent's state.
        PaymentStatus after = apply(organization, local.id(), intent, null, "stripe")
                .map(applied -> applied.payment().status()).orElse(local.status());
        return new Change(local.id(), local.status(), after, false);
    }

    /**
     * For a PaymentIntent no local payment carries yet: Paydeck's own payment named in its metadata (not yet linked),
     * or a new one recorded from it (with its latest charge); locked by this transaction.
     */
    private PaymentRecords.Versioned recordUnseen(OrganizationId organization, PaymentIntent intent,
            Long eventCreated) {
        PaymentId paydeckId = paydeckId(intent.getMetadata() == null ? null
                : intent.getMetadata().get(Payments.PAYDECK_ID)).map(PaymentId::new).orElse(null);
        if (paydeckId != null) {
            Optional<PaymentRecords.Versioned> ours = records.lockVersioned(organization, paydeckId);
            if (ours.isPresent()) {
                return ours.get();
            }
        }
        CustomerId customer = intent.getCustomer() == null ? null
                : customers.findByStripeId(organization, intent.getCustomer()).map(found -> found.id()).orElse(null);
        PaymentId id = paydeckId != null ? paydeckId : PaymentId.random();
        return records.insertFromStripe(organization, id, intent, customer, eventCreated)
                .map(inserted -> {
                    if (intent.getLatestChargeObject() != null) {
                        charges.apply(organization, id, intent.getLatestChargeObject());
                    }
                    return new PaymentRecords.Versioned(inserted, eventCreated, true);
                })
                .or(() -> records.lockByStripeId(organization, intent.getId()))
                .orElseThrow(() -> new IllegalStateException("PaymentIntent " + intent.getId()
                        + " could not be recorded"));
    }

    /** The local payment of a PaymentIntent id, locked; recorded from what {@link #read} read when Paydeck has none. */
    Payment paymentOf(StripeEventReceived event, String paymentIntentId) {
        return records.lockByStripeId(event.organization(), paymentIntentId)
                .or(() -> event.read().get(paymentIntentId, PaymentIntent.class)
                        .map(intent -> recordUnseen(event.organization(), intent, null)))
                .map(PaymentRecords.Versioned::payment)
                .orElseThrow(() -> new dev.paydeck.shared.mirror.StaleReadException(paymentIntentId));
    }

    /**
     * Applies a refund: Paydeck's own (found by Stripe id or its {@code paydeck_refund_id}) or one made elsewhere
     * (recorded). A refund's status moves only as {@link RefundStatus#ORDER} allows (a succeeded refund may still fail).
     */
    void applyRefund(OrganizationId organization, com.stripe.model.Refund refund, Payment payment) {
        RefundId paydeckId = paydeckId(refund.getMetadata() == null ? null
                : refund.getMetadata().get("paydeck_refund_id")).map(RefundId::new).orElse(null);
        Optional<Refund> local = refunds.lock(organization, refund.getId(), paydeckId);
        if (local.isEmpty()) {
            refunds.insertFromStripe(organization, paydeckId != null ? paydeckId : new RefundId(UUID.randomUUID()),
                    payment.id(), refund);
        } else if (StripeCodes.parse(RefundStatus.class, refund.getStatus())
                .filter(incoming -> RefundStatus.ORDER.allows(local.get().status(), incoming)).isPresent()) {
            refunds.apply(organization, local.get().id(), refund);
        }
        records.recomputeRefunded(organization, payment.id());
    }

    /** Applies every refund of the PaymentIntent and the intent itself, as {@link #read} read them. */
    void applyRefunds(StripeEventReceived event, String paymentIntentId) {
        OrganizationId organization = event.organization();
        PaymentIntent intent = event.read().get(paymentIntentId, PaymentIntent.class)
                .orElseThrow(() -> new dev.paydeck.shared.mirror.StaleReadException(paymentIntentId));
        Payment payment = records.lockByStripeId(organization, paymentIntentId).map(PaymentRecords.Versioned::payment)
                .orElseGet(() -> recordUnseen(organization, intent, null).payment());
        event.read().get(REFUNDS + paymentIntentId, RefundsOf.class).ifPresent(listed ->
                listed.refunds().forEach(refund -> applyRefund(organization, refund, payment)));
        apply(organization, payment.id(), intent, null, "stripe");
    }

    private void publishIfSucceeded(OrganizationId organization, Payment recorded) {
        if (recorded.status() == PaymentStatus.SUCCEEDED) {
            events.publishEvent(new PaymentSucceeded(organization, recorded.id(), recorded.customerId(),
                    recorded.amountReceived(), "stripe", clock.instant()));
        }
    }

    private static PaymentStatus statusOf(PaymentIntent intent) {
        return PaymentStatus.parse(intent.getStatus()).orElse(PaymentStatus.UNKNOWN);
    }

    static Optional<UUID> paydeckId(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
