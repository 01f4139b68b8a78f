package dev.paydeck.sandbox.webhooks;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/webhook_endpoints}: create (the only response with the signing {@code secret}), retrieve, update
 * (url, enabled_events, description, metadata, disabled), delete, list.
 */
@Component
class WebhookEndpointResource implements StripeResource {

    private static final ParamSpec CREATE = ParamSpec.of()
            .string("url", "description", "api_version")
            .stringList("enabled_events")
            .metadata()
            .bool("connect")
            .required("url", "enabled_events");
    private static final ParamSpec UPDATE = ParamSpec.of()
            .string("url", "description")
            .stringList("enabled_events")
            .metadata()
            .bool("disabled");

    private final WebhookEndpoints endpoints;
    private final ObjectStore store;

    WebhookEndpointResource(WebhookEndpoints endpoints, ObjectStore store) {
        this.endpoints = endpoints;
        this.store = store;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/webhook_endpoints", CREATE, this::create);
        routes.get("/v1/webhook_endpoints", ListQuery.PAGING, this::list);
        routes.get("/v1/webhook_endpoints/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/webhook_endpoints/{id}", UPDATE, this::update);
        routes.delete("/v1/webhook_endpoints/{id}", ParamSpec.of(), this::delete);
    }

    private ObjectNode create(StripeCall call) {
        return WebhookEndpointJson.render(endpoints.create(call.accountId(), call.params()), true);
    }

    private ObjectNode retrieve(StripeCall call) {
        return WebhookEndpointJson.render(endpoints.require(call.accountId(), call.path("id")), false);
    }

    private ObjectNode update(StripeCall call) {
        return WebhookEndpointJson.render(endpoints.update(call.accountId(), call.path("id"), call.params()), false);
    }

    private ObjectNode delete(StripeCall call) {
        ObjectNode endpoint = endpoints.delete(call.accountId(), call.path("id"));
        ObjectNode reply = store.json().createObjectNode();
        reply.put("id", endpoint.get("id").asString());
        reply.put("object", WebhookEndpoints.OBJECT);
        reply.put("deleted", true);
        return reply;
    }

    private StripeList list(StripeCall call) {
        StripeList page = store.list(call.accountId(), WebhookEndpoints.OBJECT, ListQuery.from(call),
                "/v1/webhook_endpoints");
        return new StripeList(page.url(), page.data().stream()
                .map(stored -> WebhookEndpointJson.render(stored, false)).toList(), page.hasMore());
    }
}
