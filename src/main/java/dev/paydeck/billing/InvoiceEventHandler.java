package dev.paydeck.billing;

import com.stripe.model.Invoice;
import dev.paydeck.webhooks.StripeEventListener;
import dev.paydeck.webhooks.StripeEventReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stripe's invoice events applied to the local invoices (also those made in the Stripe dashboard or by a
 * subscription, which are recorded): each snapshot in order, re-read from Stripe before the transaction when it looks
 * like a step backwards ({@link InvoiceMirror#read}). {@code invoice.sent} and {@code invoice.payment_failed} are
 * recorded as what happened; a draft deleted in Stripe is marked deleted.
 */
@Component
class InvoiceEventHandler {

    private static final Logger log = LoggerFactory.getLogger(InvoiceEventHandler.class);

    private final InvoiceMirror mirror;

    InvoiceEventHandler(InvoiceMirror mirror) {
        this.mirror = mirror;
    }

    @StripeEventListener({"invoice.created", "invoice.updated", "invoice.finalized", "invoice.paid",
            "invoice.payment_succeeded", "invoice.payment_failed", "invoice.payment_action_required", "invoice.sent",
            "invoice.voided", "invoice.marked_uncollectible"})
    void invoice(StripeEventReceived event) {
        var change = mirror.applySnapshot(event, event.dataObject(Invoice.class));
        if (event.type().equals("invoice.sent")) {
            mirror.markSent(event.organization(), change.invoice(), "stripe");
        }
        if (event.type().equals("invoice.payment_failed")) {
            mirror.paymentFailed(event.organization(), change.invoice());
        }
        if (change.changed()) {
            log.debug("Invoice {} of organization {}: {} → {} ({})", change.invoice(), event.organization(),
                    change.before(), change.after(), event.stripeEventId());
        }
    }

    @StripeEventListener("invoice.deleted")
    void deleted(StripeEventReceived event) {
        mirror.markDeleted(event.organization(), event.dataObject(Invoice.class).getId(), event.created());
    }
}
