package dev.paydeck.webhooks;

/**
 * Reads from Stripe what a module's {@link StripeEventListener}s need to apply an event (e.g. Stripe's current
 * PaymentIntent when the event's snapshot looks like a step backwards), and leaves it in
 * {@link StripeEventReceived#read()}. Always outside any transaction, so no listener calls Stripe while its
 * transaction holds row locks. Called before the event's transaction for the events {@link #readsFirst} names, and
 * for any other event when one of its listeners finds, under its row lock, that it needs Stripe's current object and
 * throws {@link dev.paydeck.shared.mirror.StaleReadException}: the transaction rolls back, Stripe is read, and the
 * event is processed again. Implementations ignore the event types they do not own; a failure (e.g. Stripe
 * unreachable) retries the event later.
 */
public interface StripeEventReads {

    void read(StripeEventReceived event) throws Exception;

    /** True for an event whose listeners always need what {@link #read} reads: read before its first transaction. */
    default boolean readsFirst(StripeEventReceived event) {
        return false;
    }
}
