package dev.paydeck.sandbox;

import dev.paydeck.PaydeckApplication;
import dev.paydeck.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Paydeck started with {@code --paydeck.sandbox-only=true}: the sandbox and health, nothing else. */
class SandboxOnlyModeIntegrationTests {

    private static ConfigurableApplicationContext app;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(PaydeckApplication.class).run(
                "--server.port=0",
                "--paydeck.sandbox-only=true",
                "--paydeck.database.url=" + TestDatabase.jdbcUrl(),
                "--paydeck.database.user=" + TestDatabase.user(),
                "--paydeck.data-directory=target/test-data",
                "--paydeck.sandbox.rate-limit=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void servesTheSandboxApiPagesAndHealth() throws Exception {
        var account = JsonMapper.builder().build().readTree(send(HttpRequest.newBuilder(uri("/sandbox/accounts"))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody())).body());
        var customers = send(HttpRequest.newBuilder(uri("/sandbox/v1/customers"))
                .header("Authorization", "Bearer " + account.get("secret_key").asString()).GET());
        assertThat(customers.statusCode()).isEqualTo(200);
        assertThat(customers.body()).contains("\"object\":\"list\"");

        var page = send(HttpRequest.newBuilder(uri("/sandbox")).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The Stripe-compatible sandbox").doesNotContain("Sign in");
        assertThat(send(HttpRequest.newBuilder(uri("/sandbox/test-cards")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/health")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/css/paydeck.css")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/webjars/bootstrap/css/bootstrap.min.css")).GET())
                .statusCode()).isEqualTo(200);
    }

    @Test
    void everythingElseIsNotFoundAndTheRootLeadsToTheSandbox() throws Exception {
        for (String path : new String[] {"/login", "/docs", "/v3/api-docs", "/api/test/boom", "/app/anything",
                "/webhooks/stripe/org_1", "/sandboxes"}) {
            assertThat(send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET())
                    .statusCode()).as(path).isEqualTo(404);
        }
        var root = send(HttpRequest.newBuilder(uri("/")).GET());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/sandbox"));
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
