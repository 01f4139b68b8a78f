package dev.paydeck.billing;

import dev.paydeck.webhooks.StripeEventListener;
import dev.paydeck.webhooks.StripeEventReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stripe's subscription events, through {@link SubscriptionMirror}: an update takes Stripe's current subscription (read
 * first); a status change ({@code deleted}, {@code paused}, {@code resumed}) applies its snapshot in order, never
 * backwards; {@code created} and {@code trial_will_end} record a subscription made elsewhere, and the latter says the
 * trial ends soon.
 */
@Component
class SubscriptionEventHandler {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionEventHandler.class);

    private final SubscriptionMirror mirror;

    SubscriptionEventHandler(SubscriptionMirror mirror) {
        this.mirror = mirror;
    }

    @StripeEventListener({"customer.subscription.created", "customer.subscription.updated",
            "customer.subscription.deleted", "customer.subscription.paused", "customer.subscription.resumed",
            "customer.subscription.trial_will_end"})
    void subscription(StripeEventReceived event) {
        var snapshot = event.dataObject(com.stripe.model.Subscription.class);
        var change = switch (event.type()) {
            case "customer.subscription.updated" -> mirror.applyRead(event, snapshot);
            case "customer.subscription.created", "customer.subscription.trial_will_end" ->
                    mirror.recordIfNew(event, snapshot);
            default -> mirror.applySnapshot(event, snapshot);
        };
        if (event.type().equals("customer.subscription.trial_will_end")) {
            mirror.trialEnding(event.organization(), change.subscription());
        }
        if (change.changed()) {
            log.debug("Subscription {} of organization {}: {} → {} ({})", change.subscription(),
                    event.organization(), change.before(), change.after(), event.stripeEventId());
        }
    }
}
