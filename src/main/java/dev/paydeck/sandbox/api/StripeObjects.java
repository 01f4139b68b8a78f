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

    /** A copy of the object as Stripe shows it: without the sandbox's internal fields ({@code _...}). */
    public static ObjectNode rendered(ObjectNode object) {
        return (ObjectNode) StripeJson.stripInternal(object.deepCopy());
    }

    /** A text field's value, or null when it is null or absent. */
    public static String string(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Sets a text field, to null when the value is null. */
    public static void text(ObjectNode object, String field, String value) {
        if (value == null) {
            object.putNull(field);
        } else {
            object.put(field, value);
        }
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
