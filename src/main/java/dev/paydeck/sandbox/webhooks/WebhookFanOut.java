package dev.paydeck.sandbox.webhooks;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.TransactionScoped;
import dev.paydeck.sandbox.events.EventRecorder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fan-out of events to webhook endpoints: an event is stored with one delivery per enabled endpoint of its
 * account that subscribes to its type ({@code *} or the type itself), in the transaction that records the event; so
 * an event is never stored without its deliveries, nor delivered if its change rolls back. The events of one
 * transaction (a confirmation makes three) are stored in one statement, its last before the commit.
 * <p>
 * This instance's webhook worker, when it has room, takes the new deliveries as its own first attempts: they are
 * stored claimed (leased) and handed to it once the transaction commits, with the event and endpoint already in hand,
 * instead of being claimed and read back from the queue (a test clock's year sends a hundred thousand webhooks). A
 * delivery whose instance stops before sending it is due again when its lease runs out, for any instance.
 */
@Component
class WebhookFanOut implements EventRecorder {

    /** The events a transaction has recorded so far, by account, stored just before it commits. */
    private final TransactionScoped<Map<String, List<ObjectNode>>> pending =
            new TransactionScoped<>(LinkedHashMap::new, events -> events.forEach(this::store));

    private final WebhookDeliveries deliveries;
    private final JsonMapper json;
    private final ObjectStore objects;
    private final ObjectProvider<WebhookWorker> workers;

    WebhookFanOut(WebhookDeliveries deliveries, JsonMapper json, ObjectStore objects,
            ObjectProvider<WebhookWorker> workers) {
        this.deliveries = deliveries;
        this.json = json;
        this.objects = objects;
        this.workers = workers;
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
        List<WebhookDeliveries.Endpoint> endpoints = deliveries.enabledEndpoints(accountId, json);
        int size = events.size();
        String[] ids = new String[size];
        String[] types = new String[size];
        Long[] created = new Long[size];
        String[] data = new String[size];
        List<WebhookDeliveries.Planned> planned = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ObjectNode event = events.get(i);
            ids[i] = event.get("id").asString();
            types[i] = event.get("type").asString();
            created[i] = event.get("created").asLong();
            int to = 0;
            for (WebhookDeliveries.Endpoint endpoint : endpoints) {
                if (endpoint.subscribesTo(types[i])) {
                    planned.add(new WebhookDeliveries.Planned(ids[i], endpoint.id()));
                    to++;
                }
            }
            // As its first deliveries send it: none has succeeded yet.
            event.put("pending_webhooks", to);
            data[i] = json.writeValueAsString(event);
        }
        WebhookWorker worker = planned.isEmpty() ? null : workers.getIfAvailable();
        Duration lease = worker == null ? null : worker.reserve(planned.size());
        if (lease == null) {
            deliveries.storeEvents(accountId, ids, types, created, data, planned, null);
            if (worker != null) {
                worker.claimAfterCommit();
            }
            return;
        }
        Map<WebhookDeliveries.Planned, Long> stored;
        try {
            stored = deliveries.storeEvents(accountId, ids, types, created, data, planned, lease);
        } catch (RuntimeException e) {
            worker.release(planned.size());
            throw e;
        }
        Map<String, String> eventData = new HashMap<>();
        for (int i = 0; i < size; i++) {
            eventData.put(ids[i], data[i]);
        }
        Map<String, String> endpointData = new HashMap<>();
        endpoints.forEach(endpoint -> endpointData.put(endpoint.id(), endpoint.json()));
        List<WebhookDeliveries.Claim> claims = planned.stream()
                .map(delivery -> new WebhookDeliveries.Claim(stored.get(delivery), accountId, delivery.endpointId(),
                        delivery.eventId(), 1, endpointData.get(delivery.endpointId()),
                        eventData.get(delivery.eventId())))
                .toList();
        worker.handOverAfterCommit(claims);
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
