package dev.paydeck.shared.web;

import dev.paydeck.support.ApiTestSupport;
import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorHandlingIntegrationTests extends IntegrationTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void unknownRouteIsA404Problem() {
        var response = get("/no-such-page", "application/json");

        assertProblem(response, 404);
        assertThat(json(response).get("type").asString()).endsWith("/not-found");
        assertThat(json(response).get("detail").asString()).isEqualTo("There is nothing at this address.");
    }

    @Test
    void unknownApiRouteIsA404ProblemOnceAuthenticated() {
        var response = send(request("/api/v1/no-such-thing").header("Accept", "application/json")
                .header("Authorization", "Bearer " + ApiTestSupport.TEST_CREDENTIAL).GET());

        assertProblem(response, 404);
    }

    @Test
    void wrongMethodIsA405Problem() {
        var response = send(request("/health").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow)
                .contains("GET"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        var response = postJson("/api/test/orders", "{\"description\": \"tea\", \"amount\": ",
                ApiTestSupport.TEST_CREDENTIAL);

        assertProblem(response, 400);
        assertThat(json(response).get("type").asString()).endsWith("/malformed-body");
    }

    @Test
    void wrongJsonTypeIsA400Problem() {
        var response = postJson("/api/test/orders", "{\"description\": \"tea\", \"amount\": \"lots\"}",
                ApiTestSupport.TEST_CREDENTIAL);

        assertProblem(response, 400);
        var error = json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("amount");
        assertThat(error.get("message").asString()).isEqualTo("must be a whole number");
    }

    @Test
    void anAmountThatIsNotAWholeNumberOfMinorUnitsIsRefusedNotRounded() {
        for (String amount : List.of("12.5", "99999999999999999999")) {
            var response = postJson("/api/test/orders", "{\"description\": \"tea\", \"amount\": " + amount + "}",
                    ApiTestSupport.TEST_CREDENTIAL);

            assertProblem(response, 400);
            var error = json(response).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("amount");
            assertThat(error.get("message").asString()).isIn("must be a whole number", "is too large");
        }
    }

    @Test
    void aFieldTheRequestDoesNotHaveIsRefusedByName() {
        var response = postJson("/api/test/orders",
                "{\"description\": \"tea\", \"amount\": 450, \"receiptEmail\": \"ada@example.com\"}",
                ApiTestSupport.TEST_CREDENTIAL);

        assertProblem(response, 400);
        var body = json(response);
        assertThat(body.get("type").asString()).endsWith("/validation");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("receiptEmail");
        assertThat(body.get("errors").get(0).get("message").asString())
                .startsWith("is not a field of this request").contains("receipt_email");
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        var response = postJson("/api/test/orders",
                "{\"description\": \" \", \"amount\": -5, \"receipt_email\": \"not-an-email\"}",
                ApiTestSupport.TEST_CREDENTIAL);

        assertProblem(response, 400);
        var body = json(response);
        assertThat(body.get("type").asString()).endsWith("/validation");
        assertThat(body.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("description", "amount", "receipt_email");
    }

    @Test
    void validRequestPassesThrough() {
        var response = postJson("/api/test/orders", "{\"description\": \"tea\", \"amount\": 450}",
                ApiTestSupport.TEST_CREDENTIAL);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("amount").asLong()).isEqualTo(450);
    }

    @Test
    void oversizedBodyIsA413Problem() {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) 'a');

        var response = send(request("/api/test/orders").header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + ApiTestSupport.TEST_CREDENTIAL)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertProblem(response, 413);
    }

    @Test
    void oversizedChunkedBodyIsA413Problem() {
        byte[] json = ("{\"description\": \"" + "a".repeat(2 * 1024 * 1024) + "\", \"amount\": 1}").getBytes();

        // No Content-Length: the body is sent in chunks, so only counting while reading can catch it.
        var response = send(request("/api/test/orders").header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + ApiTestSupport.TEST_CREDENTIAL)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(json))));

        assertProblem(response, 413);
    }

    @Test
    void unsupportedContentTypeIsA415Problem() {
        var response = send(request("/api/test/orders").header("Content-Type", "text/plain")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + ApiTestSupport.TEST_CREDENTIAL)
                .POST(HttpRequest.BodyPublishers.ofString("hello")));

        assertProblem(response, 415);
    }

    @Test
    void apiWithoutCredentialsIsA401Problem() {
        var response = postJson("/api/test/orders", "{}", null);

        assertProblem(response, 401);
        assertThat(postJson("/api/test/orders", "{}", "wrong-credential").statusCode()).isEqualTo(401);
    }

    @Test
    void unexpectedFailureIsA500ProblemWithoutInternals() {
        var response = send(request("/api/test/boom").header("Accept", "application/json")
                .header("Authorization", "Bearer " + ApiTestSupport.TEST_CREDENTIAL).GET());

        assertProblem(response, 500);
        assertThat(response.body()).doesNotContain("sk_test_", "IllegalStateException", "at dev.paydeck");
    }

    @Test
    void browsersGetAFriendlyErrorPage() {
        var response = get("/no-such-page", "text/html,application/xhtml+xml,*/*;q=0.8");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/html"));
        assertThat(response.body()).contains("There is nothing at this address.").contains("Back to the home page");
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith(PROBLEM_JSON));
        var body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("type").asString()).startsWith("https://");
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }
}
