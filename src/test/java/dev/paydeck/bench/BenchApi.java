package dev.paydeck.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Calls to Paydeck's API that the benchmarks make to set themselves up (a person, a token). */
final class BenchApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BenchApi() {
    }

    /** Signs up a new person and returns their API token. */
    static String personToken(String base) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        post(base + "/api/v1/auth/sign-up", null, "{\"email\":\"" + email + "\",\"name\":\"Bench\","
                + "\"password\":\"benchmark password\"}");
        return post(base + "/api/v1/auth/token", null, "{\"email\":\"" + email + "\","
                + "\"password\":\"benchmark password\"}").get("access_token").asString();
    }

    static JsonNode post(String url, String bearer, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
