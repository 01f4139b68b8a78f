package dev.paydeck.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Base of tests that talk to the running application over real HTTP. All subclasses share one application
 * context (same configuration) and the one test-run PostgreSQL, so the suite boots Paydeck once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ApiTestSupport.class)
public abstract class IntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("paydeck.database.url", TestDatabase::jdbcUrl);
        registry.add("paydeck.database.user", TestDatabase::user);
        registry.add("paydeck.data-directory", () -> "target/test-data");
        registry.add("paydeck.sandbox.rate-limit", () -> "0");
        // Webhook retries in seconds, not hours, so tests see a retry; a short timeout for endpoints that hang.
        registry.add("paydeck.sandbox.webhooks.retry-delays", () -> "1s,2s,2s");
        registry.add("paydeck.sandbox.webhooks.timeout", () -> "3s");
        registry.add("paydeck.sandbox.webhooks.poll-interval", () -> "200ms");
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30));
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    protected HttpResponse<String> postJson(String path, String json, String bearer) {
        HttpRequest.Builder builder = request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return send(builder);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
