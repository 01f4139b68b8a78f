package dev.paydeck.platform;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityIntegrationTests extends IntegrationTest {

    @Test
    void pagesCarrySecurityHeaders() {
        var response = get("/", "text/html");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
    }

    @Test
    void signedInPagesRedirectToTheLoginPage() {
        var response = get("/app/payments", "text/html");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login"));
        assertThat(get("/login", "text/html").body()).contains("Sign in to Paydeck");
    }

    @Test
    void formPostsInASessionNeedTheCsrfToken() {
        var home = get("/", "text/html");
        String sessionCookie = home.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

        var forged = send(request("/login").header("Cookie", sessionCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=a%40b.c&password=whatever")));

        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void unknownPeopleCannotSignIn() {
        var login = get("/login", "text/html");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String token = login.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

        var attempt = send(request("/login").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=nobody%40example.com&password=password&_csrf=" + token)));

        assertThat(attempt.statusCode()).isEqualTo(302);
        assertThat(attempt.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/login?error"));
    }
}
