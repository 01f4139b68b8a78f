package dev.paydeck.platform;

import dev.paydeck.support.IntegrationTest;
import dev.paydeck.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Does what touches secrets (keys given and checked, wrong keys, passwords, API keys, webhook secrets), then reads
 * the application's whole log of this test run and looks for every secret the sandbox and Paydeck hold.
 */
class NoSecretsInLogsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void noSecretEverReachesTheLog() throws Exception {
        Person owner = signUp("Careful");
        var account = json(send(request("/sandbox/accounts?name=logs").POST(HttpRequest.BodyPublishers.noBody())));
        String organization = createOrganization(owner, "Careful Co", "{\"publishable_key\":\""
                + account.get("publishable_key").asString() + "\",\"secret_key\":\""
                + account.get("secret_key").asString() + "\",\"webhook_secret\":\"whsec_manuallyEnteredSecret123\"}")
                .get("id").asString();
        call("PUT", "/api/v1/organizations/" + organization + "/stripe-keys", owner.token(),
                "{\"publishable_key\":\"pk_test_aaaaaaaaaaaaaaaa\",\"secret_key\":\"sk_test_wrongKeyNeverLogged1\"}");
        String apiKey = apiKey(owner, createOrganization(owner, "Sandboxed", null).get("id").asString(), "admin");
        call("POST", "/api/v1/payment-intents", apiKey, "{\"amount\":2000,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_chargeDeclined\",\"confirm\":true}");
        postJson("/api/v1/auth/token", "{\"email\":\"" + owner.email() + "\",\"password\":\"a wrong password\"}",
                null);

        List<String> secrets = new ArrayList<>(jdbc.sql("select secret_key from sandbox.accounts")
                .query(String.class).list());
        secrets.addAll(jdbc.sql("select data ->> '_secret' from sandbox.objects where object = 'webhook_endpoint'")
                .query(String.class).list());
        secrets.addAll(List.of("sk_test_wrongKeyNeverLogged1", "whsec_manuallyEnteredSecret123", apiKey, PASSWORD,
                "a wrong password", owner.token()));
        // The database's password: the tests hand it to every instance inside the JDBC URL, as a driver parameter.
        secrets.addAll(List.of(TestDatabase.password(),
                URLEncoder.encode(TestDatabase.password(), StandardCharsets.UTF_8)));
        String log = Files.readString(Path.of(LOG_FILE));

        assertThat(log).contains("Stripe credential check for organization " + organization);
        assertThat(secrets).hasSizeGreaterThan(5);
        for (String secret : secrets) {
            if (secret != null) {
                assertThat(log).as("the log must not contain a secret").doesNotContain(secret);
            }
        }
    }
}
