package dev.paydeck.webhooks;

import org.springframework.context.ApplicationEvent;

/**
 * What the processor publishes for one event: the event, and whether a {@link StripeEventListener} took it (if none
 * did, the event is {@code IGNORED}). Listeners run synchronously on the publishing thread, so a plain flag is enough.
 * An {@link ApplicationEvent} of its own rather than the bare {@link StripeEventReceived}, so that only
 * {@code @StripeEventListener} methods receive it: a plain {@code @EventListener} would be called without being
 * counted.
 */
final class StripeEventDispatch extends ApplicationEvent {

    private final StripeEventReceived event;
    private boolean taken;

    StripeEventDispatch(StripeEventReceived event) {
        super(event);
        this.event = event;
    }

    StripeEventReceived event() {
        return event;
    }

    void take() {
        taken = true;
    }

    boolean taken() {
        return taken;
    }
}
