package dev.paydeck.webhooks;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inbound endpoint: only events signed with the organization's secret, recent, and well-formed are stored. */
class WebhookEndpointIntegrationTests extends WebhookTest {

    @BeforeEach
    void setUp() {
        newOrganization();
    }

    @Test
    void aSignedEventIsStoredWithItsRawPayloadAndAnEventNobodyHandlesIsIgnored() {
        String id = newEventId();
        String payload = event(id, "balance.available", Instant.now().getEpochSecond(),
                "{\"object\":\"balance\",\"available\":[]}");

        var response = deliver(payload);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("received").asBoolean()).isTrue();
        var stored = awaitStatus(id, "IGNORED");
        assertThat(stored.get("type").asString()).isEqualTo("balance.available");
        assertThat(stored.get("livemode").asBoolean()).isFalse();
        var detail = json(call("GET", "/api/v1/webhook-events/" + stored.get("id").asString(), apiKey, null));
        assertThat(detail.get("payload").asString()).isEqualTo(payload);
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsStored() {
        String payload = event(newEventId(), "customer.created", Instant.now().getEpochSecond(), "{\"id\":\"cus_x\"}");

        var forged = deliver(organization, payload, signature("whsec_not_the_secret_at_all", Instant.now()
                .getEpochSecond(), payload));
        var unsigned = deliver(organization, payload, null);
        var garbage = deliver(organization, payload, "this is no signature");
        var tampered = deliver(organization, payload.replace("cus_x", "cus_y"), signature(webhookSecret,
                Instant.now().getEpochSecond(), payload));

        for (var response : java.util.List.of(forged, unsigned, garbage, tampered)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(events("")).isEmpty();
    }

    @Test
    void aStaleTimestampIsRefusedAsAReplay() {
        String payload = event(newEventId(), "customer.created", Instant.now().getEpochSecond(), "{\"id\":\"cus_x\"}");

        var response = deliver(organization, payload, signature(webhookSecret,
                Instant.now().minusSeconds(301 + 60).getEpochSecond(), payload));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("detail").asString()).contains("tolerance");
        assertThat(events("")).isEmpty();
    }

    @Test
    void anEventForAnotherOrUnknownOrganizationIsRefused() {
        String payload = event(newEventId(), "customer.created", Instant.now().getEpochSecond(), "{\"id\":\"cus_x\"}");
        String signed = signature(webhookSecret, Instant.now().getEpochSecond(), payload);
        String mine = organization;
        String myKey = apiKey;
        newOrganization();

        assertThat(deliver(organization, payload, signed).statusCode()).as("another organization").isEqualTo(400);
        assertThat(deliver(UUID.randomUUID().toString(), payload, signed).statusCode()).isEqualTo(400);
        assertThat(deliver("not-an-id", payload, signed).statusCode()).isEqualTo(400);
        assertThat(events("")).isEmpty();
        assertThat(json(call("GET", "/api/v1/webhook-events", myKey, null)).get("data")).isEmpty();
        assertThat(deliver(mine, payload, signed).statusCode()).as("its own organization").isEqualTo(200);
    }

    @Test
    void aRedeliveryIsAnsweredOkAndStoredOnce() {
        String id = newEventId();
        String payload = event(id, "balance.available", Instant.now().getEpochSecond(), "{\"object\":\"balance\"}");

        assertThat(deliver(payload).statusCode()).isEqualTo(200);
        var again = deliver(payload);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("duplicate").asBoolean()).isTrue();
        assertThat(events("?type=balance.available")).hasSize(1);
    }

    @Test
    void badBodiesAreRefusedWithoutAServerError() {
        String notJson = "this is not json";
        var signedNotJson = deliver(organization, notJson, signature(webhookSecret, Instant.now().getEpochSecond(),
                notJson));
        var wrongType = send(request("/webhooks/stripe/" + organization).header("Content-Type", "text/plain")
                .header("Stripe-Signature", signature(webhookSecret, Instant.now().getEpochSecond(), "{}"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        var empty = deliver(organization, "", signature(webhookSecret, Instant.now().getEpochSecond(), ""));
        String noId = "{\"object\":\"event\",\"type\":\"x.y\"}";
        var incomplete = deliver(organization, noId, signature(webhookSecret, Instant.now().getEpochSecond(), noId));

        assertThat(signedNotJson.statusCode()).isEqualTo(400);
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(events("")).isEmpty();
    }

    @Test
    void aHugeBodyAnotherMethodAndAnUnknownAddressAreAnsweredWithProblems() {
        String huge = event(newEventId(), "customer.created", Instant.now().getEpochSecond(),
                "{\"id\":\"cus_x\",\"description\":\"" + "x".repeat(1_200_000) + "\"}");
        var tooLarge = deliver(organization, huge, signature(webhookSecret, Instant.now().getEpochSecond(), huge));
        var get = send(request("/webhooks/stripe/" + organization).GET());
        var deeper = send(request("/webhooks/stripe/" + organization + "/more").header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(deeper.statusCode()).isEqualTo(404);
        assertThat(events("")).isEmpty();
    }

    @Test
    void theEventListIsForMembersOnly() {
        assertThat(call("GET", "/api/v1/webhook-events", null, null).statusCode()).isEqualTo(401);
    }
}
