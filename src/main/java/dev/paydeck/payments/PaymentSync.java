package dev.paydeck.payments;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.RefundListParams;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Brings local payments and refunds in line with what Stripe says, from event snapshots or objects re-read from
 * Stripe, without ever moving a payment backwards ({@link PaymentIntentOrder}). Payments Paydeck has not seen (made
 * in the Stripe dashboard, or whose creation answer was lost) are recorded, so they appear in Paydeck's history.
 * Callers hold a transaction: payment rows are locked while they are compared and changed.
 */
@Component
class PaymentSync {

    private final PaymentRecords records;
    private final StripeClients stripe;
    private final Customers customers;

    PaymentSync(PaymentRecords records, StripeClients stripe, Customers customers) {
        this.records = records;
        this.stripe = stripe;
        this.customers = customers;
    }

    /** What applying a PaymentIntent did: the local payment, and its status before and after. */
    record Applied(UUID payment, String before, String after, boolean created) {
        boolean changed() {
            return !before.equals(after);
        }
    }

    /**
     * Applies a PaymentIntent snapshot taken at {@code created} (an event's time; for an object just read from
     * Stripe, now). A snapshot that looks like a step backwards is checked against Stripe's current object.
     */
    Applied apply(OrganizationId organization, PaymentIntent snapshot, long created) throws StripeException {
        PaymentRecords.Locked locked = records.lockByStripeIdForEvent(organization, snapshot.getId())
                .orElseGet(() -> recordUnseenForEvent(organization, snapshot, created));
        Payment local = locked.payment();
        if (locked.recordedNow()) {
            return new Applied(local.id(), "unknown", local.status(), true);
        }
        Long newest = locked.eventCreated();
        PaymentIntent intent = switch (PaymentIntentOrder.decide(local.status(), newest, snapshot.getStatus(),
                created)) {
            case SKIP -> null;
            case APPLY -> snapshot;
            case RE_READ -> retrieve(organization, snapshot.getId());
        };
        String after = intent == null ? local.status()
                : records.apply(organization, local.id(), intent, created).status();
        return new Applied(local.id(), local.status(), after, false);
    }

    /** Applies a PaymentIntent just read from Stripe: it is the current truth (a terminal local status stays). */
    Applied applyCurrent(OrganizationId organization, PaymentIntent intent) {
        Optional<Payment> known = records.lockByStripeId(organization, intent.getId());
        if (known.isPresent()) {
            Payment local = known.get();
            return new Applied(local.id(), local.status(), records.apply(organization, local.id(), intent).status(),
                    false);
        }
        PaymentRecords.Locked unseen = recordUnseenForEvent(organization, intent, null);
        Payment local = unseen.payment();
        // A payment recorded now holds the intent's state already; Paydeck's own, found by its metadata, takes it.
        String after = unseen.recordedNow() ? local.status() : records.apply(organization, local.id(), intent).status();
        return new Applied(local.id(), "unknown", after, true);
    }

    /** The local payment of a PaymentIntent, locked; recorded first when Paydeck has none. */
    Payment locate(OrganizationId organization, PaymentIntent intent) {
        return records.lockByStripeId(organization, intent.getId()).orElseGet(() -> recordUnseen(organization, intent));
    }

    /**
     * For a PaymentIntent no local payment carries yet: Paydeck's own payment named in its metadata (not yet linked),
     * or a new one recorded from it; locked.
     */
    private Payment recordUnseen(OrganizationId organization, PaymentIntent intent) {
        return recordUnseenForEvent(organization, intent, null).payment();
    }

    /**
     * {@link #recordUnseen} for the snapshot of an event created at {@code eventCreated} (null: not from an event),
     * with the newest event applied to it; a payment recorded now holds the snapshot's state.
     */
    private PaymentRecords.Locked recordUnseenForEvent(OrganizationId organization, PaymentIntent intent,
            Long eventCreated) {
        UUID paydeckId = paydeckId(intent.getMetadata() == null ? null : intent.getMetadata().get(Payments.PAYDECK_ID));
        if (paydeckId != null) {
            Optional<PaymentRecords.Locked> ours = records.lockForEvent(organization, paydeckId);
            if (ours.isPresent()) {
                return ours.get();
            }
        }
        UUID customer = intent.getCustomer() == null ? null
                : customers.findByStripeId(organization, intent.getCustomer()).map(found -> found.id()).orElse(null);
        return records.insertFromStripe(organization, paydeckId != null ? paydeckId : UUID.randomUUID(), intent,
                        customer, eventCreated).map(inserted -> new PaymentRecords.Locked(inserted, eventCreated, true))
                .or(() -> records.lockByStripeIdForEvent(organization, intent.getId()))
                .orElseThrow(() -> new IllegalStateException("PaymentIntent " + intent.getId()
                        + " could not be recorded"));
    }

    /** The local payment of a PaymentIntent id, locked; read from Stripe and recorded when Paydeck has none. */
    Payment paymentOf(OrganizationId organization, String paymentIntentId) throws StripeException {
        Optional<Payment> known = records.lockByStripeId(organization, paymentIntentId);
        return known.isPresent() ? known.get() : recordUnseen(organization, retrieve(organization, paymentIntentId));
    }

    PaymentIntent retrieve(OrganizationId organization, String paymentIntentId) throws StripeException {
        return stripe.forOrganization(organization).v1().paymentIntents().retrieve(paymentIntentId,
                PaymentIntentRetrieveParams.builder().addAllExpand(Payments.EXPAND).build());
    }

    /**
     * Applies a refund: Paydeck's own (found by Stripe id or its {@code paydeck_refund_id}) or one made elsewhere
     * (recorded). A refund's status only moves from pending/requires_action to a final one (or between final
     * ones, as when a succeeded refund later fails). Returns the payment's id.
     */
    UUID applyRefund(OrganizationId organization, com.stripe.model.Refund refund, Payment payment) {
        UUID paydeckId = paydeckId(refund.getMetadata() == null ? null : refund.getMetadata().get("paydeck_refund_id"));
        Optional<Refund> local = records.lockRefund(organization, refund.getId(), paydeckId);
        if (local.isEmpty()) {
            records.insertRefundFromStripe(organization, paydeckId != null ? paydeckId : UUID.randomUUID(),
                    payment.id(), refund);
        } else if (!isFinal(local.get().status()) || isFinal(refund.getStatus())) {
            records.applyRefund(organization, local.get().id(), refund);
        }
        records.recomputeRefunded(organization, payment.id());
        return payment.id();
    }

    /** Re-reads every refund of the PaymentIntent from Stripe (paged) and the intent with its latest charge. */
    void syncRefunds(OrganizationId organization, String paymentIntentId) throws StripeException {
        PaymentIntent intent = retrieve(organization, paymentIntentId);
        Payment payment = locate(organization, intent);
        for (com.stripe.model.Refund refund : stripe.forOrganization(organization).v1().refunds()
                .list(RefundListParams.builder().setPaymentIntent(paymentIntentId).setLimit(100L).build())
                .autoPagingIterable()) {
            applyRefund(organization, refund, payment);
        }
        records.apply(organization, payment.id(), intent);
    }

    private static boolean isFinal(String refundStatus) {
        return List.of("succeeded", "failed", "canceled").contains(refundStatus);
    }

    private static UUID paydeckId(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
