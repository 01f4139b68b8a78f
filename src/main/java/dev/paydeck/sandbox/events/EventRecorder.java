package dev.paydeck.sandbox.events;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Stores a new event together with what follows from it (one webhook delivery per endpoint that subscribes to it)
 * in a single statement, so recording an event costs one round trip to the database however many endpoints the
 * account has. An event's {@code pending_webhooks} is not kept in the stored event (it would be rewritten at every
 * delivery): it is counted from the deliveries whenever the event is shown.
 */
public interface EventRecorder {

    /** Stores the event and its deliveries; sets the node's {@code pending_webhooks} and answers that number. */
    int record(String accountId, ObjectNode event);

    /** Sets each event's {@code pending_webhooks}: its deliveries not made successfully (yet, or ever). */
    void countPendingWebhooks(String accountId, List<ObjectNode> events);
}
