package dev.paydeck.audit;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AuditLogIntegrationTests extends IntegrationTest {

    @Test
    void recordsWhoDidWhatToWhichObject() {
        Person owner = signUp("Auditor");
        String organization = createOrganization(owner, "Audited", null).get("id").asString();
        call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"someone-" + System.nanoTime() + "@example.com\",\"role\":\"viewer\"}");
        String key = apiKey(owner, organization, "admin");
        call("POST", "/api/v1/customers", key, "{\"name\":\"Audited customer\"}");
        String payment = json(call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}")).at("/payment/id").asString();
        call("POST", "/api/v1/payment-intents/" + payment + "/refunds", key, "{\"amount\":500}");

        // Lines are written after commit, asynchronously, a moment after each answer.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                json(call("GET", "/api/v1/audit-log", owner.token(), null)).get("data").size() == 6);
        var log = json(call("GET", "/api/v1/audit-log", owner.token(), null)).get("data");

        assertThat(log.valueStream().map(line -> line.get("action").asString())).containsExactly(
                "payment.refunded", "payment.created", "customer.created", "api_key.created", "member.invited",
                "organization.created");
        var refund = log.get(0);
        assertThat(refund.get("actor").asString()).isEqualTo("api key test key");
        assertThat(refund.get("object_type").asString()).isEqualTo("payment");
        assertThat(refund.get("object_id").asString()).isEqualTo(payment);
        assertThat(refund.get("detail").asString()).isEqualTo("$5.00");
        assertThat(log.get(5).get("actor").asString()).isEqualTo(owner.email());

        var refundsOnly = json(call("GET", "/api/v1/audit-log?action=payment.refunded", key, null)).get("data");
        assertThat(refundsOnly).hasSize(1);

        Person other = signUp("Other auditor");
        createOrganization(other, "Elsewhere", null);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !json(call("GET", "/api/v1/audit-log", other.token(), null)).get("data").isEmpty());
        var theirs = json(call("GET", "/api/v1/audit-log", other.token(), null)).get("data");
        assertThat(theirs.valueStream().map(line -> line.get("action").asString()))
                .containsExactly("organization.created");
        assertThat(call("GET", "/api/v1/audit-log?limit=0", key, null).statusCode()).isEqualTo(400);
    }
}
