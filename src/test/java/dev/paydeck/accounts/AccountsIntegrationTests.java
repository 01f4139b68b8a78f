package dev.paydeck.accounts;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsIntegrationTests extends IntegrationTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Test
    void signUpThenGetATokenThenAskWhoIAm() {
        String email = uniqueEmail();
        var signUp = postJson("/api/v1/auth/sign-up",
                "{\"email\":\"" + email + "\",\"name\":\"Ada Lovelace\",\"password\":\"" + PASSWORD + "\"}", null);
        assertThat(signUp.statusCode()).isEqualTo(201);
        assertThat(json(signUp).get("email").asString()).isEqualTo(email);
        assertThat(signUp.body()).doesNotContain(PASSWORD).doesNotContain("password");

        String token = token(email, PASSWORD);
        var me = send(request("/api/v1/me").header("Authorization", "Bearer " + token).GET());

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(json(me).get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(json(me).get("id").asString()).isEqualTo(json(signUp).get("id").asString());
    }

    @Test
    void signUpValidatesEveryField() {
        var response = postJson("/api/v1/auth/sign-up",
                "{\"email\":\"not-an-email\",\"name\":\"\",\"password\":\"short\"}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactlyInAnyOrder("email", "name", "password");
    }

    @Test
    void anEmailCanOnlySignUpOnceWhateverItsCase() {
        String email = uniqueEmail();
        postJson("/api/v1/auth/sign-up", body(email), null);

        var again = postJson("/api/v1/auth/sign-up", body(email.toUpperCase()), null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("detail").asString()).isEqualTo("An account with this email already exists.");
    }

    @Test
    void wrongPasswordGetsNoToken() {
        String email = uniqueEmail();
        postJson("/api/v1/auth/sign-up", body(email), null);

        var response = postJson("/api/v1/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"not the right one\"}", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        String email = uniqueEmail();
        postJson("/api/v1/auth/sign-up", body(email), null);
        for (int i = 0; i < 5; i++) {
            postJson("/api/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"wrong password " + i
                    + "\"}", null);
        }

        var rightPassword = postJson("/api/v1/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null);

        assertThat(rightPassword.statusCode()).isEqualTo(401);
    }

    @Test
    void forgedOrTamperedTokensAreRefused() {
        String email = uniqueEmail();
        postJson("/api/v1/auth/sign-up", body(email), null);
        String token = token(email, PASSWORD);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        assertThat(send(request("/api/v1/me").header("Authorization", "Bearer " + tampered).GET()).statusCode())
                .isEqualTo(401);
        assertThat(send(request("/api/v1/me").header("Authorization", "Bearer a.b.c").GET()).statusCode())
                .isEqualTo(401);
        assertThat(send(request("/api/v1/me").GET()).statusCode()).isEqualTo(401);
    }

    @Test
    void signUpPageCreatesTheAccountAndSignsIn() {
        var page = get("/signup", "text/html");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String email = uniqueEmail();

        var created = send(request("/signup").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=Grace+Hopper&email=" + email.replace("@", "%40")
                        + "&password=" + PASSWORD.replace(' ', '+') + "&_csrf=" + csrf)));

        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/app?signed-up"));
        String session = created.headers().firstValue("Set-Cookie").orElse(cookie).split(";")[0];
        assertThat(get("/app", "text/html").statusCode()).isEqualTo(302);
        // Signed in, without an organization yet: /app leads to the first-run page.
        var app = send(request("/app").header("Cookie", session).header("Accept", "text/html").GET());
        assertThat(app.statusCode()).isEqualTo(302);
        assertThat(app.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith("/app/organizations/new"));
        var start = send(request("/app/organizations/new").header("Cookie", session).header("Accept", "text/html")
                .GET());
        assertThat(start.statusCode()).isEqualTo(200);
        assertThat(start.body()).contains("Welcome, Grace Hopper");
    }

    private String token(String email, String password) {
        var response = postJson("/api/v1/auth/token",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("token_type").asString()).isEqualTo("Bearer");
        assertThat(json(response).get("expires_in").asLong()).isPositive();
        return json(response).get("access_token").asString();
    }

    private static String body(String email) {
        return "{\"email\":\"" + email + "\",\"name\":\"Someone\",\"password\":\"" + PASSWORD + "\"}";
    }

    static String uniqueEmail() {
        return "person-" + UUID.randomUUID() + "@example.com";
    }
}
