package dev.paydeck.platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The REST API's operations as its OpenAPI docs list them (not pages, health, Stripe's webhooks or the error-handling
 * tests' controller), so tests that walk them cover a new endpoint the day it is documented.
 */
final class DocumentedOperations {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DocumentedOperations() {
    }

    record Operation(String method, String path, JsonNode spec) {

        String name() {
            return method + " " + path;
        }

        /** The request body Swagger UI would send: the whole example, or one made of the fields' examples. */
        String exampleBody(JsonNode docs) {
            JsonNode media = spec.path("requestBody").path("content").path("application/json");
            if (media.isMissingNode()) {
                return null;
            }
            return (media.has("example") ? media.get("example") : fromFields(media.path("schema"), docs)).toString();
        }

        /** The path with real ids: by the resource it names ({@code /customers/{id}}) or by the placeholder. */
        String pathWith(Map<String, String> ids) {
            String target = path;
            for (var id : ids.entrySet()) {
                if (id.getKey().startsWith("{")) {
                    target = target.replace(id.getKey(), id.getValue());
                } else if (target.startsWith("/api/v1" + id.getKey())) {
                    target = target.replaceFirst("\\{id}", id.getValue());
                }
            }
            if (target.contains("{")) {
                throw new AssertionError("Which id goes into " + path + "? Add it to the test.");
            }
            return target;
        }
    }

    static List<Operation> of(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        for (var path : docs.get("paths").properties()) {
            if (path.getKey().startsWith("/api/v1/")) {
                for (var operation : path.getValue().properties()) {
                    operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(),
                            operation.getValue()));
                }
            }
        }
        return operations;
    }

    /** The schema a {@code $ref} points to in {@code schemas} (the docs' components), or the schema itself. */
    static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        for (int depth = 0; schema.has("$ref") && depth < 8; depth++) {
            String ref = schema.get("$ref").asString();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    private static JsonNode fromFields(JsonNode schema, JsonNode docs) {
        schema = resolve(schema, docs.path("components").path("schemas"));
        if (schema.has("example")) {
            return schema.get("example");
        }
        ObjectNode body = JSON.createObjectNode();
        for (var field : schema.path("properties").properties()) {
            body.set(field.getKey(), fromFields(field.getValue(), docs));
        }
        return body;
    }
}
