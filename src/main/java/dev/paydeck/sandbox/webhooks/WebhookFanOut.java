package dev.paydeck.sandbox.webhooks;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.TransactionScoped;
import dev.paydeck.sandbox.events.EventRecorder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fan-out of events to webhook endpoints: an event is stored with one delivery per enabled endpoint of its
 * account that subscribes to its type ({@code *} or the type itself), in the transaction that records the event; so
 * an event is never stored without its deliveries, nor delivered if its change rolls back. The events of one
 * transaction (a confirmation makes three) are stored in one statement, its last before the commit.
 */
@Component
class WebhookFanOut implements EventRecorder {

    /** The events a transaction has recorded so far, by account, stored just before it commits. */
    private final TransactionScoped<Map<String, List<ObjectNode>>> pending =
            new TransactionScoped<>(LinkedHashMap::new, events -> events.forEach(this::store));

    private final WebhookDeliveries deliveries;
    private final JsonMapper json;
    private final ObjectStore objects;

    WebhookFanOut(WebhookDeliveries deliveries, JsonMapper json, ObjectStore objects) {
        this.deliveries = deliveries;
        this.json = json;
        this.objects = objects;
    }

    @Override
    public void record(String accountId, ObjectNode event) {
        Map<String, List<ObjectNode>> events = pending.get();
        if (events == null) {
            store(accountId, List.of(event));
        } else {
            events.computeIfAbsent(accountId, account -> new ArrayList<>()).add(event);
        }
    }

    private void store(String accountId, List<ObjectNode> events) {
        // The endpoints are read from the stored objects, so the transaction's own writes go first.
        objects.flush();
        int size = events.size();
        String[] ids = new String[size];
        String[] types = new String[size];
        Long[] created = new Long[size];
        String[] data = new String[size];
        for (int i = 0; i < size; i++) {
            ObjectNode event = events.get(i);
            ids[i] = event.get("id").asString();
            types[i] = event.get("type").asString();
            created[i] = event.get("created").asLong();
            data[i] = json.writeValueAsString(event);
        }
        deliveries.storeEvents(accountId, ids, types, created, data);
    }

    @Override
    public void countPendingWebhooks(String accountId, List<ObjectNode> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Integer> pending = deliveries.pendingByEvent(accountId,
                events.stream().map(event -> event.get("id").asString()).toArray(String[]::new));
        events.forEach(event -> event.put("pending_webhooks", pending.getOrDefault(event.get("id").asString(), 0)));
    }
}
