package dev.paydeck.sandbox.webhooks;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An account's webhook endpoints (the fan-out of events to them is {@link WebhookFanOut}).
 */
@Service
public class WebhookEndpoints {

    static final String OBJECT = "webhook_endpoint";

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final WebhookDeliveries deliveries;
    private final ObjectProvider<WebhookWorker> worker;
    private final TransactionTemplate transactions;

    WebhookEndpoints(ObjectStore store, SandboxClock clock, SandboxEvents events, WebhookDeliveries deliveries,
            ObjectProvider<WebhookWorker> worker, TransactionTemplate transactions) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.deliveries = deliveries;
        this.worker = worker;
        this.transactions = transactions;
    }

    /** A new endpoint (parameters as the API takes them); its {@code _secret} is in the stored object. */
    ObjectNode create(String accountId, Map<String, Object> params) {
        ObjectNode endpoint = WebhookEndpointJson.create(store.newObject(OBJECT, "we", clock.now()));
        if (params.get("api_version") instanceof String apiVersion) {
            endpoint.put("api_version", apiVersion);
        }
        WebhookEndpointJson.apply(endpoint, params);
        return store.insert(accountId, endpoint);
    }

    /** Creates an endpoint from the sandbox page's form: a URL and the event types (empty: all). */
    public String createFromPage(String accountId, String url, List<String> enabledEvents, String description) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("url", url == null || url.isBlank() ? null : url.strip());
        params.put("enabled_events", enabledEvents.isEmpty() ? List.of(EventTypes.ALL) : enabledEvents);
        params.put("description", description == null || description.isBlank() ? null : description.strip());
        return transactions.execute(status -> create(accountId, params)).get("id").asString();
    }

    ObjectNode require(String accountId, String id) {
        return store.require(accountId, id, OBJECT, "id");
    }

    ObjectNode update(String accountId, String id, Map<String, Object> params) {
        ObjectNode endpoint = require(accountId, id);
        WebhookEndpointJson.apply(endpoint, params);
        return store.update(accountId, endpoint);
    }

    ObjectNode delete(String accountId, String id) {
        ObjectNode endpoint = require(accountId, id);
        store.delete(accountId, id);
        deliveries.abandonAll(accountId, id, "The endpoint was deleted.");
        return endpoint;
    }

    /** Every endpoint of the account, newest first, as Stripe renders them (no secret). */
    public List<ObjectNode> all(String accountId) {
        return store.list(accountId, OBJECT, new ListQuery(new LinkedHashMap<>(), new LinkedHashMap<>(),
                        Map.of(), 100, null, null), "/v1/webhook_endpoints").data().stream()
                .map(stored -> WebhookEndpointJson.render(stored, false)).toList();
    }

    /** The endpoint's signing secret, for the sandbox page (which shows it behind a click, as Stripe does). */
    public Optional<String> secret(String accountId, String id) {
        return store.find(accountId, id).filter(found -> OBJECT.equals(found.path("object").asString()))
                .map(WebhookEndpointJson::secret);
    }

    /** The endpoint's latest delivery attempts, newest first (for the sandbox page). */
    public List<WebhookDeliveries.Attempt> recentAttempts(String accountId, String endpointId, int limit) {
        return deliveries.recentAttempts(accountId, endpointId, limit);
    }

    /** The endpoint's deliveries still waiting for a (next) attempt (for the sandbox page). */
    public List<WebhookDeliveries.Delivery> waiting(String accountId, String endpointId) {
        return deliveries.waiting(accountId, endpointId);
    }

    /** The account an endpoint belongs to (endpoint ids are unique across accounts). */
    public Optional<String> accountOf(String endpointId) {
        return store.accountHolding(OBJECT, endpointId);
    }

    /**
     * Sends a {@code customer.created} test event with a sample customer to this endpoint only, through the usual
     * delivery path (signature, retries). The event is stored like any other, so it can be looked at afterwards.
     */
    public String sendTestEvent(String accountId, String endpointId) {
        String eventId = transactions.execute(status -> {
            ObjectNode endpoint = require(accountId, endpointId);
            ObjectNode customer = store.newObject("customer", "cus", clock.now());
            customer.put("description", "A sample customer of a test event sent from the sandbox page");
            customer.put("email", "test-event@example.com");
            customer.put("livemode", false);
            customer.putObject("metadata");
            customer.put("name", "Test event customer");
            String apiVersion = endpoint.path("api_version").asString(null);
            ObjectNode event = events.recordUnannounced(accountId,
                    apiVersion == null ? StripeCall.DEFAULT_API_VERSION : apiVersion, "customer.created", customer);
            deliveries.create(accountId, endpointId, event.get("id").asString());
            return event.get("id").asString();
        });
        worker.ifAvailable(WebhookWorker::wake);
        return eventId;
    }
}
