package dev.paydeck.sandbox.events;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeObjects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records a Stripe Event for a state change, with a snapshot of the object (and the previous values of what
 * changed), in the same transaction as the change. Delivery to webhook endpoints follows from the stored event.
 */
@Service
public class SandboxEvents {

    /**
     * Published when an event is recorded, inside the transaction that stores it with its webhook deliveries (so a
     * listener can act once they are committed).
     */
    public record EventRecorded(String accountId, ObjectNode event) {
    }

    private final ObjectStore store;
    private final EventRecorder recorder;
    private final SandboxClock clock;
    private final ApplicationEventPublisher publisher;

    SandboxEvents(ObjectStore store, EventRecorder recorder, SandboxClock clock, ApplicationEventPublisher publisher) {
        this.store = store;
        this.recorder = recorder;
        this.clock = clock;
        this.publisher = publisher;
    }

    public ObjectNode publish(StripeCall call, String type, ObjectNode object) {
        return publish(call.accountId(), call.apiVersion(), call.requestId(), call.idempotencyKey(), type, object,
                null);
    }

    public ObjectNode publish(StripeCall call, String type, ObjectNode object, ObjectNode previousAttributes) {
        return publish(call.accountId(), call.apiVersion(), call.requestId(), call.idempotencyKey(), type, object,
                previousAttributes);
    }

    /** An event not caused by an API request (e.g. a 3-D Secure challenge completed on a hosted page). */
    public ObjectNode publish(String accountId, String apiVersion, String type, ObjectNode object,
            ObjectNode previousAttributes) {
        return publish(accountId, apiVersion, null, null, type, object, previousAttributes);
    }

    /**
     * Stores an event without announcing it, so no endpoint gets it on its own account: for a test event that the
     * caller delivers to one chosen endpoint.
     */
    public ObjectNode recordUnannounced(String accountId, String apiVersion, String type, ObjectNode object) {
        ObjectNode event = build(accountId, apiVersion, null, null, type, object, null);
        store.insert(accountId, event);
        return event;
    }

    /** The account's latest events, newest first, each with its {@code pending_webhooks} counted (for its pages). */
    public List<ObjectNode> recent(String accountId, int limit) {
        List<ObjectNode> recent = store.list(accountId, "event", new ListQuery(new LinkedHashMap<>(),
                new LinkedHashMap<>(), Map.of(), limit, null, null), "/v1/events").data();
        recorder.countPendingWebhooks(accountId, recent);
        return recent;
    }

    /** One event of the account, with its {@code pending_webhooks} counted; empty for any other object or id. */
    public Optional<ObjectNode> find(String accountId, String eventId) {
        Optional<ObjectNode> event = store.find(accountId, eventId)
                .filter(found -> "event".equals(found.path("object").asString()));
        event.ifPresent(found -> recorder.countPendingWebhooks(accountId, List.of(found)));
        return event;
    }

    private ObjectNode publish(String accountId, String apiVersion, String requestId, String idempotencyKey,
            String type, ObjectNode object, ObjectNode previousAttributes) {
        ObjectNode event = build(accountId, apiVersion, requestId, idempotencyKey, type, object,
                previousAttributes);
        recorder.record(accountId, event);
        publisher.publishEvent(new EventRecorded(accountId, event));
        return event;
    }

    /**
     * When the change happened: on the object's test clock (its own, or its customer's) at the clock's time, as Stripe
     * dates the events of a clock's objects; else now.
     */
    private long happenedAt(String accountId, ObjectNode object) {
        if (!"test_helpers.test_clock".equals(object.path("object").asString())) {
            String testClock = StripeObjects.string(object, "test_clock");
            if (testClock != null) {
                return clock.nowOn(accountId, testClock);
            }
            JsonNode customer = object.get("customer");
            if (customer != null && customer.isString()) {
                return clock.nowFor(accountId, customer.asString());
            }
        }
        return clock.now();
    }

    private ObjectNode build(String accountId, String apiVersion, String requestId, String idempotencyKey,
            String type, ObjectNode object, ObjectNode previousAttributes) {
        ObjectNode event = store.newObject("event", "evt", happenedAt(accountId, object));
        event.put("api_version", apiVersion);
        ObjectNode data = event.putObject("data");
        data.set("object", StripeObjects.rendered(object));
        if (previousAttributes != null && !previousAttributes.isEmpty()) {
            data.set("previous_attributes", previousAttributes);
        }
        event.put("livemode", false);
        event.put("pending_webhooks", 0);
        ObjectNode request = event.putObject("request");
        if (requestId != null) {
            request.put("id", requestId);
        } else {
            request.putNull("id");
        }
        if (idempotencyKey != null) {
            request.put("idempotency_key", idempotencyKey);
        } else {
            request.putNull("idempotency_key");
        }
        event.put("type", type);
        return event;
    }
}
