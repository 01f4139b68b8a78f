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
 * @param read          what {@link StripeEventReads} read from Stripe for this attempt, outside its transaction
 */
public record StripeEventReceived(OrganizationId organization, UUID id, String stripeEventId, String type,
                                  String objectId, long created, boolean livemode, String payload, int attempt,
                                  ReadFromStripe read) {

    public StripeEventReceived(OrganizationId organization, UUID id, String stripeEventId, String type,
            String objectId, long created, boolean livemode, String payload, int attempt) {
        this(organization, id, stripeEventId, type, objectId, created, livemode, payload, attempt,
                new ReadFromStripe());
    }

    /**
     * Stripe objects read for one attempt at an event, by key (e.g. a PaymentIntent's id): a listener finds here what
     * it must not read itself while its transaction holds row locks.
     */
    public static final class ReadFromStripe {

        private final java.util.Map<String, Object> objects = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile boolean made;
        /** The event's payload as parsed by stripe-java, once per attempt (every listener asks for it). */
        private volatile Event parsed;
        private volatile StripeObject dataObject;

        /** True once Stripe was read for this attempt (even if nothing was needed). */
        boolean made() {
            return made;
        }

        void markMade() {
            made = true;
        }

        /**
         * Forgets what was read, so that the event is read again: what was read, or judged not needed, was decided
         * on a state that lacked what the earlier events of its batch had done, since rolled back.
         */
        void forget() {
            objects.clear();
            made = false;
        }

        public void put(String key, Object object) {
            objects.put(key, object);
        }

        public <T> java.util.Optional<T> get(String key, Class<T> type) {
            return java.util.Optional.ofNullable(objects.get(key)).filter(type::isInstance).map(type::cast);
        }

        @Override
        public String toString() {
            return objects.keySet().toString();
        }
    }

    /** The event, parsed by stripe-java (once per attempt: the parse is most of a listener's cost). */
    public Event event() {
        Event event = read.parsed;
        if (event == null) {
            // The signature was checked when the event was received; this is how Webhook.constructEvent reads it.
            event = Webhook.constructEventWithoutVerification(payload);
            read.parsed = event;
        }
        return event;
    }

    /**
     * {@code data.object} as stripe-java's model ({@code PaymentIntent}, {@code Customer}…). Events of another API
     * version than stripe-java's are read too: the fields Paydeck uses are stable across versions.
     */
    public <T extends StripeObject> T dataObject(Class<T> type) {
        StripeObject object = read.dataObject;
        if (object == null) {
            var deserializer = event().getDataObjectDeserializer();
            object = deserializer.getObject().orElse(null);
            if (object == null) {
                try {
                    object = deserializer.deserializeUnsafe();
                } catch (EventDataObjectDeserializationException e) {
                    throw new IllegalArgumentException("Event " + stripeEventId + " has an unreadable data.object",
                            e);
                }
            }
            read.dataObject = object;
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
