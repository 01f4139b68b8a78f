package dev.paydeck.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever is sent to whichever operation of the REST API, by whoever, the answer is never a 500 and every refusal is
 * a problem+json with a readable detail: every documented operation is called by each kind of caller (nobody, a
 * forged token, an owner, an admin key, a viewer key), with its example body, an empty object, a field it does not
 * have and text that is not JSON, at real ids and at an id that is not one.
 */
class NoServerErrorsIntegrationTests extends DocumentedApiTest {

    @Test
    void everyOperationAnswersEveryCallerAndBodyWithoutAServerError() {
        SampleShop shop = sampleShop("Robust Shop");
        Person owner = shop.owner();
        String admin = shop.adminKey();
        String viewer = apiKey(owner, shop.organization(), "viewer");
        Map<String, String> real = shop.ids();
        Map<String, String> notAnId = real.keySet().stream().collect(Collectors.toMap(place -> place,
                place -> "not-an-id"));

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
