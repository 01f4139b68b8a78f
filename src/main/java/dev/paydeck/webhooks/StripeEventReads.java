package dev.paydeck.webhooks;

/**
 * Reads from Stripe what a module's {@link StripeEventListener}s will need to apply an event (e.g. Stripe's current
 * PaymentIntent when the event's snapshot looks like a step backwards), and leaves it in
 * {@link StripeEventReceived#read()}. Called for every event at every attempt, outside any transaction, before the
 * listeners run: so no listener calls Stripe while its transaction holds row locks. Implementations ignore the
 * event types they do not own; a failure (e.g. Stripe unreachable) retries the event later.
 */
public interface StripeEventReads {

    void read(StripeEventReceived event) throws Exception;
}
