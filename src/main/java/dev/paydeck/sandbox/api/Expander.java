package dev.paydeck.sandbox.api;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Stripe's {@code expand[]}: replaces an id with the object it names, along dotted paths
 * ({@code latest_charge}, {@code payment_intent.customer}, {@code data.customer} in lists), at most four levels
 * deep. A path that names no expandable field is refused as Stripe refuses it.
 */
@Component
class Expander {

    private static final int MAX_DEPTH = 4;
    private static final ParamSpec EXPAND = ParamSpec.of().stringList("expand");

    private final ObjectStore store;

    Expander(ObjectStore store) {
        this.store = store;
    }

    /** The paths of a request's {@code expand} parameter (a list of strings, as Stripe takes it), or none. */
    @SuppressWarnings("unchecked")
    static List<String> paths(Object expand) {
        if (expand == null) {
            return List.of();
        }
        Map<String, Object> params = EXPAND.validate(Map.of("expand", expand));
        return new ArrayList<>((List<String>) (List<?>) params.get("expand"));
    }

    void expand(String accountId, JsonNode root, List<String> paths) {
        for (String path : paths) {
            String[] parts = path.split("\\.");
            if (parts.length > MAX_DEPTH) {
                throw StripeError.invalid("expand", "You cannot expand more than 4 levels of a property. "
                        + "Property: " + path);
            }
            expand(accountId, root, Arrays.asList(parts), path);
        }
    }

    private void expand(String accountId, JsonNode node, List<String> parts, String fullPath) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                expand(accountId, element, parts, fullPath);
            }
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            throw notExpandable(fullPath);
        }
        String field = parts.getFirst();
        if (!object.has(field)) {
            throw notExpandable(fullPath);
        }
        JsonNode value = object.get(field);
        if (value.isString()) {
            ObjectNode expanded = store.find(accountId, value.asString())
                    .orElseThrow(() -> notExpandable(fullPath));
            object.set(field, expanded);
            value = expanded;
        } else if (parts.size() == 1 && value instanceof ArrayNode ids) {
            // A list of ids ({@code discounts}): each id becomes its object.
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i).isString()) {
                    String id = ids.get(i).asString();
                    ids.set(i, store.find(accountId, id).orElseThrow(() -> notExpandable(fullPath)));
                }
            }
        } else if (parts.size() == 1 && !value.isNull() && !(value instanceof ObjectNode) && !(value instanceof ArrayNode)) {
            throw notExpandable(fullPath);
        }
        if (parts.size() > 1) {
            expand(accountId, value, parts.subList(1, parts.size()), fullPath);
        }
    }

    private static StripeError notExpandable(String path) {
        return StripeError.invalid("expand", "This property cannot be expanded (" + path + ").");
    }
}
