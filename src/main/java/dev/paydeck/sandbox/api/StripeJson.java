package dev.paydeck.sandbox.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stripe's JSON for what an endpoint returns (an object, a {@link StripeList}, a {@link SearchResult}, a map) and
 * for a {@link StripeError}, without the internal fields ({@code _...}) the sandbox keeps beside Stripe's.
 */
final class StripeJson {

    private final JsonMapper json;

    StripeJson(JsonMapper json) {
        this.json = json;
    }

    /** The endpoint's result as a tree of its own, which expansion may change. */
    JsonNode tree(Object result) {
        if (result instanceof StripeList list) {
            ObjectNode node = json.createObjectNode();
            node.put("object", "list");
            node.set("data", json.valueToTree(list.data()));
            node.put("has_more", list.hasMore());
            node.put("url", list.url());
            return node;
        }
        if (result instanceof SearchResult search) {
            ObjectNode node = json.createObjectNode();
            node.put("object", "search_result");
            node.set("data", json.valueToTree(search.data()));
            node.put("has_more", search.hasMore());
            node.put("next_page", search.nextPage());
            node.put("url", search.url());
            return node;
        }
        if (result instanceof JsonNode node) {
            return node.deepCopy();
        }
        return json.valueToTree(result);
    }

    Reply ok(JsonNode body) {
        return Reply.ok(json.writeValueAsString(stripInternal(body)));
    }

    Reply error(StripeError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.body());
        return new Reply(error.status(), json.writeValueAsString(body), false, null);
    }

    static JsonNode stripInternal(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> internal = new ArrayList<>();
            object.propertyNames().forEach(name -> {
                if (name.startsWith("_")) {
                    internal.add(name);
                }
            });
            object.remove(internal);
            object.forEach(StripeJson::stripInternal);
        } else if (node != null && node.isArray()) {
            node.forEach(StripeJson::stripInternal);
        }
        return node;
    }
}
