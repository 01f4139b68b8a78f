package dev.paydeck.sandbox.customers;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/** Customers as other parts of the sandbox need them: deleted with their test clock. */
@Service
public class SandboxCustomers {

    private final ObjectStore store;
    private final SandboxEvents events;

    SandboxCustomers(ObjectStore store, SandboxEvents events) {
        this.store = store;
        this.events = events;
    }

    /** Deletes the customer (a tombstone stays, which retrieving shows as deleted), with {@code customer.deleted}. */
    public ObjectNode delete(StripeCall call, ObjectNode customer) {
        store.delete(call.accountId(), customer.get("id").asString());
        ObjectNode tombstone = store.json().createObjectNode();
        tombstone.put("id", customer.get("id").asString());
        tombstone.put("object", CustomerResource.DELETED);
        tombstone.put("created", customer.get("created").asLong());
        tombstone.put("deleted", true);
        store.insert(call.accountId(), tombstone);
        events.publish(call, "customer.deleted", customer);
        return tombstone;
    }
}
