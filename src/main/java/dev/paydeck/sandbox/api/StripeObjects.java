package dev.paydeck.sandbox.api;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;

/** Rules every Stripe object follows, whatever its kind. */
public final class StripeObjects {

    private StripeObjects() {
    }

    /**
     * Stripe's metadata update: given keys are merged in, a key given empty is removed, and {@code metadata=""}
     * (a null map here) clears it all.
     */
    public static void applyMetadata(ObjectNode object, Map<String, Object> given) {
        ObjectNode metadata = (ObjectNode) object.get("metadata");
        if (given == null) {
            metadata.removeAll();
            return;
        }
        given.forEach((key, value) -> {
            if (value == null) {
                metadata.remove(key);
            } else {
                metadata.put(key, (String) value);
            }
        });
    }

    /** The top-level fields that changed, with their old values: an update event's {@code previous_attributes}. */
    public static ObjectNode previousAttributes(ObjectNode before, ObjectNode after) {
        ObjectNode previous = before.objectNode();
        before.properties().forEach(entry -> {
            JsonNode now = after.get(entry.getKey());
            if (!Objects.equals(entry.getValue(), now) && !entry.getKey().startsWith("_")) {
                previous.set(entry.getKey(), entry.getValue());
            }
        });
        return previous;
    }
}
