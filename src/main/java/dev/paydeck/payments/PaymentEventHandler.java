package dev.paydeck.payments;

import com.stripe.model.Dispute;
import com.stripe.model.PaymentIntent;
import dev.paydeck.webhooks.StripeEventListener;
import dev.paydeck.webhooks.StripeEventReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The Stripe events payments apply: PaymentIntent state changes, refunds (also those made in the Stripe dashboard)
 * and disputes. What they need from Stripe was read before the transaction ({@link PaymentMirror#read}).
 */
@Component
class PaymentEventHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventHandler.class);

    private final PaymentMirror mirror;
    private final PaymentRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentEventHandler(PaymentMirror mirror, PaymentRecords records, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.mirror = mirror;
        this.records = records;
        this.events = events;
    }

    @StripeEventListener({"payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
            "payment_intent.processing", "payment_intent.requires_action", "payment_intent.amount_capturable_updated"})
    void paymentIntent(StripeEventReceived event) {
        var change = mirror.applySnapshot(event, event.dataObject(PaymentIntent.class));
        if (change.changed()) {
            log.debug("Payment {} of organization {}: {} → {} ({})", change.payment(), event.organization(),
                    change.before(), change.after(), event.stripeEventId());
        }
    }

    @StripeEventListener("charge.refunded")
    void chargeRefunded(StripeEventReceived event) {
        var charge = event.dataObject(com.stripe.model.Charge.class);
        if (charge.getPaymentIntent() != null) {
            mirror.applyRefunds(event, charge.getPaymentIntent());
        }
    }

    @StripeEventListener("refund.*")
    void refund(StripeEventReceived event) {
        var refund = event.dataObject(com.stripe.model.Refund.class);
        if (refund.getPaymentIntent() != null) {
            mirror.applyRefund(event.organization(), refund, mirror.paymentOf(event, refund.getPaymentIntent()));
        }
    }

    @StripeEventListener("charge.dispute.created")
    void disputeCreated(StripeEventReceived event) {
        var dispute = event.dataObject(Dispute.class);
        var payment = dispute.getPaymentIntent() == null ? null
                : records.lockByStripeId(event.organization(), dispute.getPaymentIntent())
                        .map(PaymentRecords.Versioned::payment).orElse(null);
        if (records.insertDispute(event.organization(), dispute, payment == null ? null : payment.id())
                && payment != null) {
            events.publishEvent(new PaymentDisputed(event.organization(), payment.id(), dispute.getReason(),
                    "stripe", clock.instant()));
        }
    }
}
