package dev.paydeck.checkout;

import dev.paydeck.support.IntegrationTest;
import dev.paydeck.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Customer portal links through the API: made by those who may write, for a customer of their own organization,
 * valid for the time asked, opening that customer's portal and nothing once expired.
 */
class PortalLinksIntegrationTests extends IntegrationTest {

    @Autowired
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String customer(String key, String email) {
        var response = call("POST", "/api/v1/customers", key, "{\"email\":\"" + email + "\",\"name\":\"Ada Portal\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        return json(response).get("id").asString();
    }

    private HttpResponse<String> page(String url) {
        URI uri = URI.create(url);
        return get(uri.getPath(), "text/html");
    }

    @Test
    void aLinkOpensTheCustomersPortalUntilItExpires() {
        Person owner = signUp("Portal owner");
        String organization = createOrganization(owner, "Portal Co", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String email = "portal-" + UUID.randomUUID() + "@example.com";
        String customer = customer(key, email);

        var made = call("POST", "/api/v1/customers/" + customer + "/portal-links", key,
                "{\"return_url\":\"https://shop.example.com/account\",\"expires_in\":3600}");
        assertThat(made.statusCode()).isEqualTo(201);
        JsonNode link = json(made);
        assertThat(link.get("url").asString()).matches("http://localhost:\\d+/portal/[A-Za-z0-9_-]{43}");
        assertThat(Instant.parse(link.get("expires_at").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(Duration.ofMinutes(1)));

        var portal = page(link.get("url").asString());
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Portal Co", email, "No card saved yet.",
                "href=\"https://shop.example.com/account\"");

        clock.advance(Duration.ofMinutes(61));
        var expired = page(link.get("url").asString());
        assertThat(expired.statusCode()).isEqualTo(404);
        assertThat(expired.body()).contains("This link no longer opens your account").doesNotContain(email);
    }

    @Test
    void aLinkLastsADayUnlessToldAndAnUnknownTokenOpensNothing() {
        Person owner = signUp("Portal default");
        String organization = createOrganization(owner, "Portal Default Co", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String customer = customer(key, "default-" + UUID.randomUUID() + "@example.com");

        var made = call("POST", "/api/v1/customers/" + customer + "/portal-links", key, null);
        assertThat(made.statusCode()).isEqualTo(201);
        assertThat(Instant.parse(json(made).get("expires_at").asString()))
                .isCloseTo(Instant.now().plus(Duration.ofDays(1)), within(Duration.ofMinutes(1)));

        var unknown = get("/portal/" + "A".repeat(43), "text/html");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link no longer opens your account");
        assertThat(get("/portal/not-a-token", "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void viewersOtherOrganizationsAndBadInputAreRefused() {
        Person owner = signUp("Portal guard");
        String organization = createOrganization(owner, "Guarded Co", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String viewer = apiKey(owner, organization, "viewer");
        String customer = customer(key, "guarded-" + UUID.randomUUID() + "@example.com");
        Person stranger = signUp("Portal stranger");
        String other = createOrganization(stranger, "Other Co", null).get("id").asString();
        String otherKey = apiKey(stranger, other, "admin");

        String path = "/api/v1/customers/" + customer + "/portal-links";
        assertThat(call("POST", path, viewer, "{}").statusCode()).isEqualTo(403);
        assertThat(call("POST", path, otherKey, "{}").statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/customers/" + UUID.randomUUID() + "/portal-links", key, "{}")
                .statusCode()).isEqualTo(404);
        for (String bad : new String[] {"{\"expires_in\":10}", "{\"expires_in\":604801}",
                "{\"return_url\":\"javascript:alert(1)\"}", "{\"return_url\":\"shop.example.com\"}"}) {
            var refused = call("POST", path, key, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
        }
    }
}
