package dev.paydeck.platform;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI shows an example for every request body of the REST API, given whole or by the fields of its schema,
 * and for the answers of the payments and customers endpoints (the other endpoints' answers are still to come).
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
    void thePaymentAndCustomerAnswersHaveExamples() {
        JsonNode docs = json(get("/v3/api-docs", "application/json"));
        JsonNode schemas = docs.path("components").path("schemas");
        List<String> checked = new ArrayList<>();
        List<String> withoutResponseExample = new ArrayList<>();
        for (var path : docs.get("paths").properties()) {
            boolean payments = path.getKey().startsWith("/api/v1/payment-intents")
                    && !path.getKey().endsWith("/refunds");
            if (!payments && !path.getKey().startsWith("/api/v1/customers")) {
                continue;
            }
            for (var operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                checked.add(name);
                boolean answered = false;
                for (var response : operation.getValue().path("responses").properties()) {
                    answered |= anyContentHasExample(response.getValue().path("content"), schemas);
                }
                if (!answered) {
                    withoutResponseExample.add(name);
                }
            }
        }
        assertThat(checked).contains("POST /api/v1/payment-intents", "GET /api/v1/customers",
                "DELETE /api/v1/customers/{id}");
        assertThat(withoutResponseExample).as("operations whose answer has no example").isEmpty();
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
