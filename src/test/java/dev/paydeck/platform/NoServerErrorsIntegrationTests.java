package dev.paydeck.platform;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever is sent to whichever operation of the REST API, by whoever, the answer is never a 500 and every refusal is
 * a problem+json with a readable detail: every documented operation is called by each kind of caller (nobody, a
 * forged token, an owner, an admin key, a viewer key), with its example body, an empty object, a field it does not
 * have and text that is not JSON, at real ids and at an id that is not one.
 */
class NoServerErrorsIntegrationTests extends IntegrationTest {

    @Test
    void everyOperationAnswersEveryCallerAndBodyWithoutAServerError() {
        Person owner = signUp("Robust Owner");
        String organization = createOrganization(owner, "Robust Shop", null).get("id").asString();
        String admin = apiKey(owner, organization, "admin");
        String viewer = apiKey(owner, organization, "viewer");
        String keyId = json(call("GET", "/api/v1/organizations/" + organization + "/api-keys", owner.token(), null))
                .get(0).get("id").asString();
        String person = json(call("GET", "/api/v1/me", owner.token(), null)).get("id").asString();
        String customer = json(call("POST", "/api/v1/customers", admin, "{\"email\":\"r@example.com\"}"))
                .get("id").asString();
        String payment = json(call("POST", "/api/v1/payment-intents", admin, """
                {"amount": 2000, "currency": "usd", "payment_method": "pm_card_visa", "confirm": true}"""))
                .at("/payment/id").asString();
        Map<String, String> real = Map.of("/organizations/{id}", organization, "/customers/{id}", customer,
                "/payment-intents/{id}", payment, "/webhook-events/{id}", payment, "{personId}", person,
                "{keyId}", keyId);
        Map<String, String> notAnId = Map.of("/organizations/{id}", "not-an-id", "/customers/{id}", "not-an-id",
                "/payment-intents/{id}", "not-an-id", "/webhook-events/{id}", "not-an-id", "{personId}", "not-an-id",
                "{keyId}", "not-an-id");

        JsonNode docs = json(get("/v3/api-docs", "application/json"));
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (DocumentedOperations.Operation operation : DocumentedOperations.of(docs)) {
            List<String> bodies = operation.method().equals("GET") || operation.method().equals("DELETE")
                    ? Arrays.asList((String) null)
                    : Arrays.asList(operation.exampleBody(docs), "{}", "{\"no_such_field\": 1}", "not json");
            for (Map<String, String> ids : List.of(notAnId, real)) {
                String target = operation.pathWith(ids);
                for (String credential : Arrays.asList(null, "pd_test_forged0000000000000000", viewer, owner.token(),
                        admin)) {
                    for (String body : bodies) {
                        var response = call(operation.method(), target, credential, body);
                        calls++;
                        int status = response.statusCode();
                        String type = response.headers().firstValue("Content-Type").orElse("");
                        if (status >= 500 || (status >= 400 && (!type.startsWith("application/problem+json")
                                || !json(response).has("detail") || response.body().contains("Exception")))) {
                            failures.add(operation.method() + " " + target + " by " + (credential == null ? "nobody"
                                    : credential.substring(0, 8)) + " with " + body + ": " + status + " " + type + " "
                                    + response.body());
                        }
                    }
                }
            }
        }

        assertThat(calls).isGreaterThan(300);
        assertThat(failures).as("server errors, or refusals without a readable problem").isEmpty();
    }
}
