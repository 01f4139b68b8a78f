package dev.paydeck.sandbox.events;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code /v1/events}: retrieve one, and list them newest first, filtered by {@code type} (an exact type or a group
 * with {@code *}, e.g. {@code customer.*}) or {@code types[]} (up to 20 exact types), and by {@code created}.
 */
@Component
class EventResource implements StripeResource {

    private static final int MAX_TYPES = 20;
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("type").stringList("types"));

    private final ObjectStore store;
    private final EventRecorder recorder;

    EventResource(ObjectStore store, EventRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/events", LIST, this::list);
        routes.get("/v1/events/{id}", ParamSpec.of(), this::retrieve);
    }

    private ObjectNode retrieve(StripeCall call) {
        ObjectNode event = store.find(call.accountId(), call.path("id"))
                .filter(found -> "event".equals(found.get("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("event", call.path("id"), "id"));
        recorder.countPendingWebhooks(call.accountId(), List.of(event));
        return event;
    }

    private StripeList list(StripeCall call) {
        String type = call.string("type");
        List<String> types = call.has("types") && call.list("types") != null
                ? call.list("types").stream().map(String.class::cast).toList() : List.of();
        if (type != null && !types.isEmpty()) {
            throw StripeError.invalid("type", "You may only specify one of these parameters: type, types.");
        }
        if (types.size() > MAX_TYPES) {
            throw StripeError.invalid("types", "Invalid types: must contain at most " + MAX_TYPES + " event types");
        }
        ListQuery query = ListQuery.from(call);
        if (type != null) {
            query.whereMatches("type", List.of(type));
        } else {
            // Exact names only: a '*' inside types[] is not a wildcard, so it matches nothing but itself.
            query.whereMatches("type", types.stream().map(name -> name.replace("*", "")).toList());
        }
        StripeList events = store.list(call.accountId(), "event", query, "/v1/events");
        recorder.countPendingWebhooks(call.accountId(), events.data());
        return events;
    }
}
