package dev.paydeck.platform;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI shows, and "Try it out" sends, an example for every request body and every successful answer of the
 * REST API, given whole or by every field of its schema; whole examples are JSON with only fields the schema has, and
 * the schemas name fields as the API really sends and reads them.
 */
class ApiDocsIntegrationTests extends IntegrationTest {

    /**
     * Swagger UI's "Try it out" sends the request example: given whole, it must fit the body's schema; made of the
     * fields' examples, every field needs one, or Swagger UI would make up values ("string", a random id).
     */
    @Test
    void everyApiRequestBodyHasAWholeExample() {
        JsonNode docs = json(get("/v3/api-docs", "application/json"));
        List<String> madeUp = new ArrayList<>();
        for (DocumentedOperations.Operation operation : DocumentedOperations.of(docs)) {
            for (JsonNode media : operation.spec().path("requestBody").path("content")) {
                madeUp.addAll(exampleFaults(operation.name(), media, docs));
            }
        }
        assertThat(DocumentedOperations.of(docs)).extracting(DocumentedOperations.Operation::name)
                .contains("POST /api/v1/payment-intents", "GET /api/v1/customers");
        assertThat(madeUp).as("request examples with made-up or unknown fields").isEmpty();
    }

    /** What is wrong with a body's example: a whole one that misfits its schema, or fields left without one. */
    private static List<String> exampleFaults(String name, JsonNode media, JsonNode docs) {
        JsonNode schemas = docs.path("components").path("schemas");
        if (media.has("example")) {
            return misfits(name, media.get("example"), media.path("schema"), schemas, 0);
        }
        return fieldsWithoutExample(media.path("schema"), schemas).stream()
                .map(field -> name + ": " + field + " has no example").toList();
    }

    /** The fields, at any depth, for which Swagger UI would have to make up a value. */
    private static List<String> fieldsWithoutExample(JsonNode schema, JsonNode schemas) {
        return fieldsWithoutExample("", schema, schemas, 0);
    }

    private static List<String> fieldsWithoutExample(String where, JsonNode schema, JsonNode schemas, int depth) {
        schema = DocumentedOperations.resolve(schema, schemas);
        if (schema.has("example") || depth > 6) {
            return List.of();
        }
        if (schema.has("items")) {
            return fieldsWithoutExample(where + "[]", schema.get("items"), schemas, depth + 1);
        }
        if (!schema.has("properties")) {
            return List.of(where.isEmpty() ? "the body" : where);
        }
        List<String> missing = new ArrayList<>();
        for (var field : schema.get("properties").properties()) {
            String named = where.isEmpty() ? field.getKey() : where + "." + field.getKey();
            if (!field.getValue().has("example")) {
                missing.addAll(fieldsWithoutExample(named, field.getValue(), schemas, depth + 1));
            }
        }
        return missing;
    }


    @Test
    void everyApiAnswerHasAnExampleThatFitsItsSchema() {
        JsonNode docs = json(get("/v3/api-docs", "application/json"));
        List<String> withoutResponseExample = new ArrayList<>();
        List<String> misfits = new ArrayList<>();
        for (DocumentedOperations.Operation operation : DocumentedOperations.of(docs)) {
            boolean answered = false;
            for (var response : operation.spec().path("responses").properties()) {
                if (response.getKey().startsWith("2")) { // problems are checked below
                    for (JsonNode media : response.getValue().path("content")) {
                        answered = true;
                        misfits.addAll(exampleFaults(operation.name(), media, docs));
                    }
                }
            }
            if (!answered) {
                withoutResponseExample.add(operation.name());
            }
        }
        assertThat(DocumentedOperations.of(docs)).extracting(DocumentedOperations.Operation::name).contains("POST /api/v1/payment-intents",
                "POST /api/v1/organizations/{id}/api-keys", "GET /api/v1/audit-log", "POST /api/v1/resync");
        assertThat(withoutResponseExample).as("operations whose answer has no example").isEmpty();
        assertThat(misfits).as("example answers that are not JSON, or have fields their schema has not").isEmpty();
    }

    @Test
    void everyApiOperationDocumentsTheProblemsItCanAnswer() {
        JsonNode docs = json(get("/v3/api-docs", "application/json"));
        List<String> undocumented = new ArrayList<>();
        for (DocumentedOperations.Operation operation : DocumentedOperations.of(docs)) {
            String name = operation.name();
            List<String> parameters = operation.spec().path("parameters").valueStream()
                    .map(parameter -> parameter.get("in").asString() + " " + parameter.get("name").asString())
                    .toList();
            if (parameters.size() != new java.util.HashSet<>(parameters).size()) {
                undocumented.add(name + ": a parameter shown twice in " + parameters);
            }
            JsonNode responses = operation.spec().path("responses");
            boolean open = operation.spec().has("security") && operation.spec().get("security").isEmpty();
            if (!open && !responses.has("401")) {
                undocumented.add(name + ": 401");
            }
            if (operation.path().contains("{") && !responses.has("404")) {
                undocumented.add(name + ": 404");
            }
            for (var response : responses.properties()) {
                if (!response.getKey().startsWith("2")) {
                    JsonNode problem = response.getValue().path("content").path("application/problem+json");
                    undocumented.addAll(problem.has("example")
                            ? exampleFaults(name + " " + response.getKey(), problem, docs)
                            : List.of(name + ": " + response.getKey() + " has no problem+json example"));
                }
            }
        }
        JsonNode createPayment = docs.at("/paths/~1api~1v1~1payment-intents/post");
        assertThat(createPayment.at("/responses/402/description").asString()).contains("declined");
        assertThat(createPayment.get("parameters").valueStream().map(header -> header.get("name").asString()))
                .containsOnlyOnce("Idempotency-Key", "Paydeck-Organization");
        assertThat(createPayment.get("responses").has("422")).as("Idempotency-Key reused").isTrue();
        assertThat(undocumented).as("problems an operation can answer that its docs do not show").isEmpty();
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
        var declined = call("POST", "/api/v1/payment-intents", key, """
                {"amount": 1500, "currency": "eur", "payment_method": "pm_card_chargeDeclinedInsufficientFunds",
                 "confirm": true}""");
        assertThat(declined.statusCode()).isEqualTo(402);
        assertThat(fieldNames(json(declined))).contains("decline_code", "payment_id")
                .isSubsetOf(fieldNames(schemas.path("Problem").path("properties")));
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
        schema = DocumentedOperations.resolve(schema, schemas);
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
}
