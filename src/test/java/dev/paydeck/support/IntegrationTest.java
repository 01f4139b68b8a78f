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
// Everything the application logs during the test run goes to a file too, so a test can check that no secret
// ever reaches a log.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.file.name=" + IntegrationTest.LOG_FILE)
@Import(ApiTestSupport.class)
public abstract class IntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    /** The log file of the application under test. */
    protected static final String LOG_FILE = "target/paydeck-test.log";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // The suite's database, unless a test class names one of its own in paydeck.test.database-url: a subclass's
        // @DynamicPropertySource runs before this one, so it could not replace the URL itself.
        registry.add("paydeck.database.url", () -> "${paydeck.test.database-url:" + TestDatabase.jdbcUrl() + "}");
        registry.add("paydeck.database.user", TestDatabase::user);
        registry.add("paydeck.data-directory", () -> "target/test-data");
        registry.add("paydeck.sandbox.rate-limit", () -> "0");
        // The sandbox's API port on a free port of this context's own (12111 may be taken, and each context and
        // second instance needs its own).
        int sandboxPort = FreePort.pick();
        registry.add("paydeck.sandbox.port", () -> sandboxPort);
        // Tests make their own organizations; DemoDataIntegrationTests makes the demo one when it wants it.
        registry.add("paydeck.demo.enabled", () -> "false");
        // "Real Stripe" in tests is the sandbox too, so the real-key code paths run offline.
        registry.add("paydeck.stripe.api-base", () -> "http://127.0.0.1:${local.server.port}/sandbox");
        // Webhook retries in seconds, not hours, so tests see a retry; a short timeout for endpoints that hang.
        registry.add("paydeck.sandbox.webhooks.retry-delays", () -> "1s,2s,2s");
        registry.add("paydeck.sandbox.webhooks.timeout", () -> "3s");
        registry.add("paydeck.sandbox.webhooks.poll-interval", () -> "200ms");
        // Inbound events: retries in fractions of a second, so tests see an event fail for good and be replayed.
        registry.add("paydeck.webhooks.retry-delays", () -> "200ms,300ms,300ms");
        registry.add("paydeck.webhooks.poll-interval", () -> "200ms");
        // Module events whose listener failed are delivered again after seconds, not minutes.
        registry.add("paydeck.events.redeliver-after", () -> "1s");
        registry.add("paydeck.events.redeliver-interval", () -> "1s");
        // The staff, who see every mail of the outbox (password resets too): a person tests sign in as (MailPages).
        registry.add("paydeck.mail.staff", () -> MAIL_STAFF);
    }

    /** The email of the instance's staff in tests (see {@code paydeck.mail.staff}). */
    protected static final String MAIL_STAFF = "mail-staff@paydeck.test";

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

    /** A person who signed up through the API, with an API token. */
    protected record Person(String email, String name, String token) {
    }

    protected static final String PASSWORD = "correct horse battery staple";

    protected Person signUp(String name) {
        String email = "person-" + java.util.UUID.randomUUID() + "@example.com";
        var created = postJson("/api/v1/auth/sign-up", "{\"email\":\"" + email + "\",\"name\":\"" + name
                + "\",\"password\":\"" + PASSWORD + "\"}", null);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Sign-up failed: " + created.body());
        }
        var token = postJson("/api/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\"}", null);
        return new Person(email, name, json(token).get("access_token").asString());
    }

    /** Makes sure the staff person ({@link #MAIL_STAFF}, {@link #PASSWORD}) has an account. */
    protected void signUpMailStaff() {
        var created = postJson("/api/v1/auth/sign-up", "{\"email\":\"" + MAIL_STAFF
                + "\",\"name\":\"Mail Staff\",\"password\":\"" + PASSWORD + "\"}", null);
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Sign-up of the staff failed: " + created.body());
        }
    }

    /** A call with a bearer credential (a person's token or an API key). */
    protected HttpResponse<String> call(String method, String path, String bearer, String json) {
        HttpRequest.Builder builder = request(path).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return send(builder);
    }

    /** Creates an organization for the person (sandbox account when {@code stripeJson} is null); returns its JSON. */
    protected JsonNode createOrganization(Person owner, String name, String stripeJson) {
        var response = call("POST", "/api/v1/organizations", owner.token(), "{\"name\":\"" + name + "\""
                + (stripeJson == null ? "" : ",\"stripe\":" + stripeJson) + "}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Organization not created: " + response.body());
        }
        return json(response);
    }

    /** A new API key of the organization with this role ({@code admin} or {@code viewer}); returns its secret. */
    protected String apiKey(Person owner, String organizationId, String role) {
        var response = call("POST", "/api/v1/organizations/" + organizationId + "/api-keys", owner.token(),
                "{\"name\":\"test key\",\"role\":\"" + role + "\"}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("API key not created: " + response.body());
        }
        return json(response).get("secret").asString();
    }

    /** An organization whose Stripe is a sandbox account of its own (made as any Stripe account's keys would be). */
    protected record StripeAccount(String id, String publishableKey, String secret, String apiKey,
                                   String organization, IntegrationTest test) {

        /** Makes the account's Stripe fail from now on: {@code unavailable}, {@code lose_response}, {@code none}. */
        public void fault(String mode) {
            var response = test.send(test.request("/sandbox/accounts/" + id + "/fault?mode=" + mode)
                    .header("Authorization", "Bearer " + secret).POST(HttpRequest.BodyPublishers.noBody()));
            org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(200);
        }

        /**
         * Has the account send every event to Paydeck, as a person does whose Paydeck Stripe cannot reach (a local
         * address): a webhook endpoint added in Stripe, its signing secret entered in Paydeck by the owner.
         */
        public void sendEventsToPaydeck(Person owner) {
            try {
                var endpoint = stripe().v1().webhookEndpoints().create(
                        com.stripe.param.WebhookEndpointCreateParams.builder()
                                .setUrl(test.url("/webhooks/stripe/" + organization))
                                .addEnabledEvent(com.stripe.param.WebhookEndpointCreateParams.EnabledEvent.ALL)
                                .build());
                var saved = test.call("PUT", "/api/v1/organizations/" + organization + "/stripe-keys",
                        owner.token(), "{\"publishable_key\":\"" + publishableKey + "\",\"secret_key\":\""
                                + secret + "\",\"webhook_secret\":\"" + endpoint.getSecret() + "\"}");
                org.assertj.core.api.Assertions.assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            } catch (com.stripe.exception.StripeException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The account's Stripe, as stripe-java sees it. */
        public com.stripe.StripeClient stripe() {
            return com.stripe.StripeClient.builder().setApiKey(secret).setApiBase(test.url("/sandbox")).build();
        }
    }

    protected StripeAccount organizationOnItsOwnSandboxAccount(Person owner, String name) {
        var account = json(send(request("/sandbox/accounts?name="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).POST(HttpRequest.BodyPublishers.noBody())));
        String secret = account.get("secret_key").asString();
        String organization = createOrganization(owner, name, "{\"publishable_key\":\""
                + account.get("publishable_key").asString() + "\",\"secret_key\":\"" + secret + "\"}")
                .get("id").asString();
        return new StripeAccount(account.get("id").asString(), account.get("publishable_key").asString(), secret,
                apiKey(owner, organization, "admin"), organization, this);
    }

    /** The session cookie of a new person signed up through the sign-up page, for pages that need sign-in. */
    protected String signedInSession() {
        var page = get("/signup", "text/html");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String email = "page-" + java.util.UUID.randomUUID() + "@example.com";
        var created = send(request("/signup").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Page+Visitor&email=" + email.replace("@", "%40")
                        + "&password=" + PASSWORD.replace(' ', '+') + "&_csrf=" + csrf)));
        return created.headers().firstValue("Set-Cookie").orElse(cookie).split(";")[0];
    }
}
