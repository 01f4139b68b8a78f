package dev.paydeck.payments;

import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import dev.paydeck.webhooks.StripeEventListener;
import dev.paydeck.webhooks.StripeEventReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The Stripe events payments apply: PaymentIntent state changes, refunds (also those made in the Stripe dashboard)
 * and disputes. PaymentIntent snapshots apply in order ({@link PaymentIntentOrder}); {@code charge.refunded}
 * re-reads the intent's refunds from Stripe, since the charge alone does not say which refunds it holds.
 */
@Component
class PaymentEventHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventHandler.class);

    private final PaymentSync sync;
    private final PaymentRecords records;
    private final ApplicationEventPublisher events;

    PaymentEventHandler(PaymentSync sync, PaymentRecords records, ApplicationEventPublisher events) {
        this.sync = sync;
        this.records = records;
        this.events = events;
    }

    @StripeEventListener({"payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
            "payment_intent.processing", "payment_intent.requires_action", "payment_intent.amount_capturable_updated",
            "charge.refunded", "charge.dispute.created", "refund.*"})
    void on(StripeEventReceived event) throws Exception {
        if (event.type().startsWith("payment_intent.")) {
            var applied = sync.apply(event.organization(), event.dataObject(PaymentIntent.class), event.created());
            if (applied.changed()) {
                log.debug("Payment {} of organization {}: {} → {} ({})", applied.payment(), event.organization(),
                        applied.before(), applied.after(), event.stripeEventId());
            }
        } else if (event.type().equals("charge.refunded")) {
            var charge = event.dataObject(com.stripe.model.Charge.class);
            if (charge.getPaymentIntent() != null) {
                sync.syncRefunds(event.organization(), charge.getPaymentIntent());
            }
        } else if (event.type().startsWith("refund.")) {
            var refund = event.dataObject(com.stripe.model.Refund.class);
            if (refund.getPaymentIntent() != null) {
                var payment = sync.paymentOf(event.organization(), refund.getPaymentIntent());
                sync.applyRefund(event.organization(), refund, payment);
            }
        } else if (event.type().equals("charge.dispute.created")) {
            var dispute = event.dataObject(Dispute.class);
            var payment = dispute.getPaymentIntent() == null ? null
                    : records.lockByStripeId(event.organization(), dispute.getPaymentIntent()).orElse(null);
            if (records.insertDispute(event.organization(), dispute, payment == null ? null : payment.id())
                    && payment != null) {
                events.publishEvent(new PaymentChanged(event.organization(), payment.id(), "payment.disputed",
                        "stripe", dispute.getReason()));
            }
        }
    }
}
