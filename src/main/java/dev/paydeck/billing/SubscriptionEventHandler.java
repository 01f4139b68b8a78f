package dev.paydeck.billing;

import dev.paydeck.webhooks.StripeEventListener;
import dev.paydeck.webhooks.StripeEventReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stripe's subscription events: every {@code customer.subscription.*} carries the subscription as it was, applied in
 * order by {@link SubscriptionMirror} (made elsewhere: recorded); {@code trial_will_end} also says the trial ends soon.
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
        var change = mirror.applySnapshot(event, event.dataObject(com.stripe.model.Subscription.class));
        if (event.type().equals("customer.subscription.trial_will_end")) {
            mirror.trialEnding(event.organization(), change.subscription());
        }
        if (change.changed()) {
            log.debug("Subscription {} of organization {}: {} → {} ({})", change.subscription(),
                    event.organization(), change.before(), change.after(), event.stripeEventId());
        }
    }
}
