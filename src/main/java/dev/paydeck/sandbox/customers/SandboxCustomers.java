package dev.paydeck.sandbox.customers;

import dev.paydeck.sandbox.api.CustomerDependents;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/** Customers as other parts of the sandbox need them: deleted with their test clock. */
@Service
public class SandboxCustomers {

    private final ObjectStore store;
    private final SandboxEvents events;
    private final ObjectProvider<CustomerDependents> dependents;

    SandboxCustomers(ObjectStore store, SandboxEvents events, ObjectProvider<CustomerDependents> dependents) {
        this.store = store;
        this.events = events;
        this.dependents = dependents;
    }

    /**
     * Deletes the customer (a tombstone stays, which retrieving shows as deleted), with {@code customer.deleted}, after
     * ending what ends with them ({@link CustomerDependents}: their subscriptions).
     */
    public ObjectNode delete(StripeCall call, ObjectNode customer) {
        dependents.orderedStream().forEach(dependent -> dependent.customerDeleting(call, customer));
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
