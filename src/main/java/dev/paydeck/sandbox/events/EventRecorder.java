package dev.paydeck.sandbox.events;

import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Stores new events together with what follows from them (one webhook delivery per endpoint that subscribes to each)
 * in a single statement, so recording the events of a request costs one round trip to the database however many
 * events and endpoints there are. An event's {@code pending_webhooks} is not kept in the stored event (it would be
 * rewritten at every delivery): it is counted from the deliveries whenever the event is shown.
 */
public interface EventRecorder {

    /**
     * Stores the event and its deliveries: inside a transaction, with the transaction's other events in one
     * statement just before it commits; otherwise at once.
     */
    void record(String accountId, ObjectNode event);

    /** Sets each event's {@code pending_webhooks}: its deliveries not made successfully (yet, or ever). */
    void countPendingWebhooks(String accountId, List<ObjectNode> events);
}
