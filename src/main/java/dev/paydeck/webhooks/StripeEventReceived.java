package dev.paydeck.webhooks;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.model.Event;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.paydeck.shared.OrganizationId;

import java.util.UUID;

/**
 * A verified Stripe event of an organization, as stored, handed to the {@link StripeEventListener}s.
 *
 * @param id            Paydeck's id of the stored event
 * @param stripeEventId Stripe's {@code evt_…}
 * @param objectId      the id of {@code data.object} ({@code pi_…}, {@code cus_…}), when it has one
 * @param created       Stripe's {@code created} (unix seconds): when the change happened, for ordering
 * @param payload       the raw body as Stripe sent it
 * @param attempt       1 for the first processing, more for retries and replays
 */
public record StripeEventReceived(OrganizationId organization, UUID id, String stripeEventId, String type,
                                  String objectId, long created, boolean livemode, String payload, int attempt) {

    /** The event, parsed by stripe-java. */
    public Event event() {
        // The signature was checked when the event was received; this is how Webhook.constructEvent reads it.
        return Webhook.constructEventWithoutVerification(payload);
    }

    /**
     * {@code data.object} as stripe-java's model ({@code PaymentIntent}, {@code Customer}…). Events of another API
     * version than stripe-java's are read too: the fields Paydeck uses are stable across versions.
     */
    public <T extends StripeObject> T dataObject(Class<T> type) {
        var deserializer = event().getDataObjectDeserializer();
        StripeObject object = deserializer.getObject().orElse(null);
        if (object == null) {
            try {
                object = deserializer.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw new IllegalArgumentException("Event " + stripeEventId + " has an unreadable data.object", e);
            }
        }
        if (!type.isInstance(object)) {
            throw new IllegalArgumentException("Event " + stripeEventId + " (" + type + ") carries a "
                    + (object == null ? "null" : object.getClass().getSimpleName()) + ", not a "
                    + type.getSimpleName());
        }
        return type.cast(object);
    }

    @Override
    public String toString() {
        return "StripeEventReceived[" + stripeEventId + " " + type + " of " + organization + "]";
    }
}
