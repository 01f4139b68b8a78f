package dev.paydeck.platform;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI shows an example for every request body and every successful answer of the REST API, given whole or
 * by the fields of its schema; the examples given whole are JSON and name only fields their answer has.
 */
class ApiDocsIntegrationTests extends IntegrationTest {

    @Test
    void everyApiRequestBodyHasAnExample() {
        JsonNode docs = json(get("/v3/api-docs", "application/json"));
        JsonNode schemas = docs.path("components").path("schemas");
        List<String> operations = new ArrayList<>();
        List<String> withoutRequestExample = new ArrayList<>();
        for (var path : docs.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue; // pages, health, Stripe's webhooks, and the error-handling tests' own controller
            }
            for (var operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                JsonNode body = operation.getValue().path("requestBody").path("content");
                if (!body.isMissingNode() && !anyContentHasExample(body, schemas)) {
                    withoutRequestExample.add(name);
                }
            }
        }
        assertThat(operations).contains("POST /api/v1/payment-intents", "GET /api/v1/customers");
        assertThat(withoutRequestExample).as("operations whose request body has no example").isEmpty();
    }

    @Test
    void everyApiAnswerHasAnExampleThatFitsItsSchema() {
        JsonNode docs = json(get("/v3/api-docs", "application/json"));
        JsonNode schemas = docs.path("components").path("schemas");
        List<String> checked = new ArrayList<>();
        List<String> withoutResponseExample = new ArrayList<>();
        List<String> misfits = new ArrayList<>();
        for (var path : docs.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                checked.add(name);
                boolean answered = false;
                for (var response : operation.getValue().path("responses").properties()) {
                    if (!response.getKey().startsWith("2")) {
                        continue; // errors are problem+json, described once
                    }
                    JsonNode content = response.getValue().path("content");
                    answered |= anyContentHasExample(content, schemas);
                    for (JsonNode media : content) {
                        if (media.has("example")) {
                            misfits.addAll(misfits(name, media.get("example"), media.path("schema"), schemas, 0));
                        }
                    }
                }
                if (!answered) {
                    withoutResponseExample.add(name);
                }
            }
        }
        assertThat(checked).contains("POST /api/v1/payment-intents", "GET /api/v1/customers",
                "POST /api/v1/organizations/{id}/api-keys", "GET /api/v1/audit-log", "POST /api/v1/resync");
        assertThat(withoutResponseExample).as("operations whose answer has no example").isEmpty();
        assertThat(misfits).as("example answers that are not JSON, or have fields their schema has not").isEmpty();
    }

    @Test
    void theDocsNameFieldsAsTheApiSendsAndReadsThem() {
        JsonNode docs = json(get("/v3/api-docs", "application/json"));
        JsonNode schemas = docs.path("components").path("schemas");
        Person owner = signUp("Docs Reader");
        String organization = createOrganization(owner, "Docs Shop", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        var created = call("POST", "/api/v1/payment-intents", key, """
                {"amount": 1500, "currency": "eur", "customer_email": "docs@example.com",
                 "customer_name": "Docs Reader", "payment_method": "pm_card_visa", "confirm": true}""");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode answer = json(created);

        assertThat(fieldNames(answer)).isSubsetOf(fieldNames(schemas.path("CreatedPayment").path("properties")));
        assertThat(fieldNames(answer.get("payment")))
                .contains("customer_id", "amount_formatted")
                .isSubsetOf(fieldNames(schemas.path("PaymentView").path("properties")));
        assertThat(fieldNames(schemas.path("CreatePayment").path("properties")))
                .contains("customer_email", "customer_name", "payment_method", "capture_method");
        List<String> parameters = new ArrayList<>();
        for (JsonNode path : docs.get("paths")) {
            for (JsonNode operation : path) {
                operation.path("parameters").forEach(parameter -> parameters.add(parameter.get("name").asString()));
            }
        }
        assertThat(parameters).as("callers authenticate with a header, not a parameter")
                .contains("starting_after").doesNotContain("caller");
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    /**
     * What in an example answer does not fit the answer's schema: an example that is text rather than JSON (Swagger
     * reads JSON examples into objects), or a field the schema does not have, at any depth the schema describes.
     */
    private static List<String> misfits(String where, JsonNode example, JsonNode schema, JsonNode schemas,
            int depth) {
        if (depth == 0 && !example.isObject() && !example.isArray()) {
            return List.of(where + ": the example is not JSON");
        }
        while (schema.has("$ref") && depth < 8) {
            String ref = schema.get("$ref").asString();
            schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        List<String> found = new ArrayList<>();
        if (example.isArray() && schema.has("items")) {
            for (JsonNode item : example) {
                found.addAll(misfits(where + "[]", item, schema.get("items"), schemas, depth + 1));
            }
        } else if (example.isObject() && schema.has("properties")) {
            for (var field : example.properties()) {
                JsonNode described = schema.get("properties").get(field.getKey());
                if (described == null) {
                    found.add(where + ": " + field.getKey());
                } else {
                    found.addAll(misfits(where + "." + field.getKey(), field.getValue(), described, schemas,
                            depth + 1));
                }
            }
        }
        return found;
    }

    private static boolean anyContentHasExample(JsonNode content, JsonNode schemas) {
        for (JsonNode media : content) {
            if (media.has("example") || media.has("examples") || hasExample(media.path("schema"), schemas, 0)) {
                return true;
            }
        }
        return false;
    }

    /** An example on the schema, on one of its fields, or inside a referenced schema, list item or page item. */
    private static boolean hasExample(JsonNode schema, JsonNode schemas, int depth) {
        if (schema.isMissingNode() || depth > 6) {
            return false;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return hasExample(schemas.path(ref.substring(ref.lastIndexOf('/') + 1)), schemas, depth + 1);
        }
        if (schema.has("example") || schema.has("examples")) {
            return true;
        }
        for (JsonNode field : schema.path("properties")) {
            if (field.has("example") || hasExample(field, schemas, depth + 1)) {
                return true;
            }
        }
        for (String combined : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : schema.path(combined)) {
                if (hasExample(part, schemas, depth + 1)) {
                    return true;
                }
            }
        }
        return hasExample(schema.path("items"), schemas, depth + 1);
    }
}
