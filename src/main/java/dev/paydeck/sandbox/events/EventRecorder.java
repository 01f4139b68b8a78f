package dev.paydeck.sandbox.events;

import tools.jackson.databind.node.ObjectNode;

/**
 * Stores a new event together with what follows from it (one webhook delivery per endpoint that subscribes to it)
 * in a single statement, so recording an event costs one round trip to the database however many endpoints the
 * account has.
 */
public interface EventRecorder {

    /** Stores the event with its {@code pending_webhooks} set (also on the given node); answers that number. */
    int record(String accountId, ObjectNode event);
}
