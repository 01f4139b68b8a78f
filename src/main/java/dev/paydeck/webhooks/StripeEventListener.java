package dev.paydeck.webhooks;

import org.springframework.context.event.EventListener;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as how its module applies the Stripe events it cares about, so the webhooks module knows no
 * other module: payments declares its {@code payment_intent.*} listener, customers its {@code customer.*} one, later
 * billing its own. The method takes the event and may throw:
 *
 * <pre>{@code
 * @StripeEventListener({"payment_intent.succeeded", "refund.*"})
 * void on(StripeEventReceived event) throws Exception { ... }
 * }</pre>
 *
 * <p>It is an application event listener that only takes events of the given types, called by the webhook processor
 * synchronously inside the transaction that marks the event {@code PROCESSED}: its effects commit together with that
 * mark, and are rolled back when the method throws (the event is retried later, then {@code FAILED} with the
 * exception kept as its error) or when the processing instance lost the event to another one (lease taken over). An
 * event no listener takes is stored as {@code IGNORED}. Listeners of one event run in {@code @Order}.
 *
 * <p>Stripe delivers at least once and in any order, and a failed event may be replayed: a listener must be
 * idempotent (applying an event twice has the effect of once) and must never move an object backwards (an older event
 * never overwrites a newer state; re-read the object from Stripe when the snapshot may be stale).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EventListener
public @interface StripeEventListener {

    /** The event types taken, exactly ({@code payment_intent.succeeded}) or by family ({@code refund.*}). */
    String[] value();
}
