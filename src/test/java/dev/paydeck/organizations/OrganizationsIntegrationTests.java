package dev.paydeck.organizations;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewOrganizationWithoutKeysGetsItsOwnWorkingSandboxAccount() {
        Person owner = signUp("Ada");

        var organization = createOrganization(owner, "Acme Coffee", null);

        assertThat(organization.get("name").asString()).isEqualTo("Acme Coffee");
        var stripe = organization.get("stripe");
        assertThat(stripe.get("mode").asString()).isEqualTo("sandbox");
        assertThat(stripe.get("publishable_key").asString()).startsWith("pk_test_");
        assertThat(stripe.get("secret_key_hint").asString()).matches("sk_test_….{4}");
        assertThat(stripe.get("check_status").asString()).isEqualTo("valid");
        assertThat(organization.toString()).doesNotContainPattern("sk_test_[A-Za-z0-9]{20,}");

        var listed = call("GET", "/api/v1/organizations", owner.token(), null);
        assertThat(json(listed).get(0).get("id").asString()).isEqualTo(organization.get("id").asString());

        // Its sandbox account's page is for the organization's people only: a signed-out visitor sees no key of it.
        String publishable = stripe.get("publishable_key").asString();
        assertThat(get("/sandbox", "text/html").body()).doesNotContain(publishable);
    }

    @Test
    void realKeysAreCheckedAndStoredEncrypted() {
        Person owner = signUp("Grace");
        var account = json(send(request("/sandbox/accounts").POST(HttpRequest.BodyPublishers.noBody())));
        String secret = account.get("secret_key").asString();

        var organization = createOrganization(owner, "Hopper Ltd", keys(account.get("publishable_key").asString(),
                secret));

        var stripe = organization.get("stripe");
        assertThat(stripe.get("mode").asString()).isEqualTo("test");
        assertThat(stripe.get("check_status").asString()).isEqualTo("valid");
        assertThat(stripe.get("webhook_status").asString()).isEqualTo("manual_required");
        assertThat(stripe.get("webhook_message").asString()).contains("cannot reach");
        assertThat(organization.toString()).doesNotContain(secret);

        byte[] stored = jdbc.sql("select secret_key_ciphertext from stripe_accounts where organization_id = ?")
                .param(UUID.fromString(organization.get("id").asString())).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(secret)
                .doesNotContain(secret.substring(8, 30));
    }

    @Test
    void aWrongKeyIsReportedInvalidWithStripesMessage() {
        Person owner = signUp("Linus");
        var organization = createOrganization(owner, "Wrong Keys Inc", null);
        String id = organization.get("id").asString();

        var replaced = call("PUT", "/api/v1/organizations/" + id + "/stripe-keys", owner.token(),
                "{\"publishable_key\":\"pk_test_aaaaaaaaaaaaaaaa\",\"secret_key\":\"sk_test_bbbbbbbbbbbbbbbbbbbb\"}");

        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(json(replaced).at("/stripe/mode").asString()).isEqualTo("test");
        assertThat(json(replaced).at("/stripe/check_status").asString()).isEqualTo("invalid");
        assertThat(json(replaced).at("/stripe/check_message").asString()).contains("Invalid API Key provided")
                .doesNotContain("bbbbbbbbbbbbbbbb");
    }

    @Test
    void mismatchedOrMalformedKeysAreRefusedFieldByField() {
        Person owner = signUp("Mixed");

        var mixed = call("POST", "/api/v1/organizations", owner.token(),
                "{\"name\":\"Mixed\",\"stripe\":" + keys("pk_live_aaaaaaaaaaaa", "sk_test_bbbbbbbbbbbb") + "}");
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(json(mixed).get("errors").get(0).get("field").asString()).isEqualTo("stripe.publishable_key");

        var noName = call("POST", "/api/v1/organizations", owner.token(), "{\"name\":\"\"}");
        assertThat(noName.statusCode()).isEqualTo(400);
        assertThat(json(noName).get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(json(call("GET", "/api/v1/organizations", owner.token(), null))).isEmpty();
    }

    @Test
    void outsidersSeeNothingAndViewersChangeNothing() {
        Person owner = signUp("Owner");
        Person outsider = signUp("Outsider");
        Person viewer = signUp("Viewer");
        String id = createOrganization(owner, "Private Co", null).get("id").asString();
        call("POST", "/api/v1/organizations/" + id + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");

        assertThat(call("GET", "/api/v1/organizations/" + id, outsider.token(), null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/organizations/" + id + "/api-keys", outsider.token(),
                "{\"name\":\"x\",\"role\":\"admin\"}").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/organizations/" + UUID.randomUUID(), owner.token(), null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/v1/organizations/not-an-id", owner.token(), null).statusCode()).isEqualTo(404);

        assertThat(call("GET", "/api/v1/organizations/" + id, viewer.token(), null).statusCode()).isEqualTo(200);
        assertThat(call("PUT", "/api/v1/organizations/" + id + "/stripe-keys", viewer.token(),
                keys("pk_test_aaaaaaaaaaaa", "sk_test_bbbbbbbbbbbb")).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/organizations/" + id + "/api-keys", viewer.token(),
                "{\"name\":\"x\",\"role\":\"admin\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void invitationsWaitForTheEmailToSignUp() {
        Person owner = signUp("Inviter");
        String id = createOrganization(owner, "Future Team", null).get("id").asString();
        String email = "later-" + UUID.randomUUID() + "@example.com";

        var invited = call("POST", "/api/v1/organizations/" + id + "/members", owner.token(),
                "{\"email\":\"" + email + "\",\"role\":\"admin\"}");
        assertThat(json(invited).get("status").asString()).isEqualTo("invited");

        postJson("/api/v1/auth/sign-up", "{\"email\":\"" + email + "\",\"name\":\"Later\",\"password\":\""
                + PASSWORD + "\"}", null);
        var members = json(call("GET", "/api/v1/organizations/" + id + "/members", owner.token(), null));
        assertThat(members.valueStream().map(member -> member.get("email").asString())).contains(email);
    }

    @Test
    void apiKeysAreShownOnceWorkAndCanBeRevoked() {
        Person owner = signUp("Keys");
        String id = createOrganization(owner, "Keyed", null).get("id").asString();

        var created = json(call("POST", "/api/v1/organizations/" + id + "/api-keys", owner.token(),
                "{\"name\":\"Shop backend\",\"role\":\"admin\"}"));
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("pd_test_");

        var asKey = call("GET", "/api/v1/organizations", secret, null);
        assertThat(asKey.statusCode()).isEqualTo(200);
        assertThat(json(asKey).get(0).get("id").asString()).isEqualTo(id);

        var listed = call("GET", "/api/v1/organizations/" + id + "/api-keys", owner.token(), null);
        assertThat(listed.body()).doesNotContain(secret).contains("Shop backend");
        assertThat(json(listed).get(0).get("last_used_at").isNull()).isFalse();
        Integer hashes = jdbc.sql("select count(*) from api_keys where secret_hash = ? or prefix = ?")
                .params(secret, secret).query(Integer.class).single();
        assertThat(hashes).isZero();

        call("DELETE", "/api/v1/organizations/" + id + "/api-keys/" + created.at("/key/id").asString(),
                owner.token(), null);
        assertThat(call("GET", "/api/v1/organizations", secret, null).statusCode()).isEqualTo(401);
    }

    private static String keys(String publishable, String secret) {
        return "{\"publishable_key\":\"" + publishable + "\",\"secret_key\":\"" + secret + "\"}";
    }
}
