package dev.paydeck.sandbox;

import dev.paydeck.PaydeckApplication;
import dev.paydeck.support.FreePort;
import dev.paydeck.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paydeck started with {@code --paydeck.sandbox-only=true}, on a database of its own, as an emulator for other
 * programs' tests: the sandbox (its API also on its own port) and health, nothing else; no Demo Shop and no webhook
 * endpoint of Paydeck's; a start-up report that names only what answers.
 */
@ExtendWith(OutputCaptureExtension.class)
class SandboxOnlyModeIntegrationTests {

    private static ConfigurableApplicationContext app;
    private static String database;
    private static int port;
    private static int apiPort;
    private static String startupOutput;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(CapturedOutput output) {
        database = TestDatabase.newDatabase();
        apiPort = FreePort.pick();
        app = new SpringApplicationBuilder(PaydeckApplication.class).run(
                "--server.port=0",
                "--paydeck.sandbox-only=true",
                "--paydeck.sandbox.port=" + apiPort,
                "--paydeck.database.url=" + database,
                "--paydeck.database.user=" + TestDatabase.user(),
                "--paydeck.data-directory=target/test-data",
                "--paydeck.sandbox.rate-limit=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        startupOutput = output.getOut();
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

    @Test
    void servesTheSandboxApiAtTheRootOfItsOwnPort() throws Exception {
        String key = newAccountKey();
        var customers = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/v1/customers"))
                .header("Authorization", "Bearer " + key).GET());
        assertThat(customers.statusCode()).isEqualTo(200);
        assertThat(customers.body()).contains("\"object\":\"list\"");
        assertThat(send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/sandbox")).GET())
                .statusCode()).isEqualTo(404);
    }

    @Test
    void makesNoDemoShopAndRegistersNoWebhookEndpointOfItsOwn() throws Exception {
        try (Connection connection = DriverManager.getConnection(database);
             Statement statement = connection.createStatement()) {
            assertThat(count(statement, "select count(*) from organizations")).isZero();
            assertThat(count(statement, "select count(*) from sandbox.objects where object = 'webhook_endpoint'"))
                    .isZero();
        }
    }

    @Test
    void theStartupReportNamesOnlyTheAddressesThatAnswer() {
        String local = "http://localhost:" + port;
        assertThat(startupOutput).doesNotContain("Demo organization");
        // The report: the lines from "Paydeck ... is ready" on, each indented by two spaces (PostgreSQL's own "database
        // system is ready" may come before it).
        List<String> lines = startupOutput.lines().toList();
        int first = lines.indexOf(lines.stream().filter(line -> line.startsWith("  Paydeck ")
                && line.contains(" is ready")).findFirst().orElseThrow());
        String report = String.join("\n", lines.subList(first, lines.size()).stream()
                .takeWhile(line -> line.startsWith("  ")).toList());
        assertThat(report)
                .contains("serving only the Stripe-compatible sandbox")
                .contains("the API at " + local + "/sandbox and http://127.0.0.1:" + apiPort)
                .contains(local + "/sandbox (accounts")
                .contains(local + "/health")
                .doesNotContain(local + "/docs")
                .doesNotContain("/webhooks/stripe")
                .doesNotContain("Open     :");
    }

    private static long count(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String newAccountKey() throws Exception {
        var account = JsonMapper.builder().build().readTree(send(HttpRequest.newBuilder(uri("/sandbox/accounts"))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody())).body());
        return account.get("secret_key").asString();
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
