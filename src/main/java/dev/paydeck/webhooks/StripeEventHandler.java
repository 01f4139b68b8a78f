package dev.paydeck.webhooks;

import java.util.Set;

/**
 * How a module applies the Stripe events it cares about: a bean implementing this, in that module (payments owns
 * the {@code payment_intent.*} handler, customers the {@code customer.*} one, later billing its own), so the
 * webhooks module knows no other module. An event no handler takes is stored as {@code IGNORED}.
 *
 * <p>Stripe delivers at least once and in any order, and a failed event may be replayed: {@link #handle} must be
 * idempotent (applying an event twice has the effect of once) and must never move an object backwards (an older
 * event never overwrites a newer state; re-read the object from Stripe when the snapshot may be stale). It runs in
 * the transaction that marks the event processed, so a handler whose event is taken over by another instance
 * (lease lost) leaves no effect.
 */
public interface StripeEventHandler {

    /** The event types handled, exactly ({@code payment_intent.succeeded}) or by family ({@code refund.*}). */
    Set<String> types();

    /** Applies the event to this module's records; an exception has it retried later (then {@code FAILED}). */
    void handle(StripeEventReceived event) throws Exception;

    default boolean handles(String type) {
        for (String handled : types()) {
            if (handled.equals(type) || handled.endsWith(".*")
                    && type.startsWith(handled.substring(0, handled.length() - 1))) {
                return true;
            }
        }
        return false;
    }
}
