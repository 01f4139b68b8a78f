package dev.paydeck.sandbox;

import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order of the API's steps, where a caller notices it: the key before the route, the route before the
 * publishable-key refusal, validation before the idempotency key is taken, and one transaction around the endpoint
 * and its expansions (only a card decline is kept and replayed).
 */
class SandboxApiPipelineIntegrationTests extends SandboxTest {

    @Test
    void theKeyIsCheckedBeforeTheRouteAndTheRouteBeforeThePublishableKeyIsRefused() {
        var noKey = sandboxCall("GET", "/v1/nothing_here", null, null);
        assertThat(noKey.statusCode()).isEqualTo(401);

        var publishable = sandboxCall("GET", "/v1/nothing_here", null, publishableKey);
        assertThat(publishable.statusCode()).isEqualTo(404);
        assertThat(sandboxCall("GET", "/v1/customers", null, publishableKey).statusCode()).isEqualTo(403);
    }

    @Test
    void aRequestRefusedByValidationLeavesItsIdempotencyKeyFreeForTheCorrectedOne() {
        String key = "fix-" + System.nanoTime();

        var refused = post("/v1/customers", "email=a%40example.com&colour=blue", key);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).at("/error/code").asString()).isEqualTo("parameter_unknown");

        var corrected = post("/v1/customers", "email=a%40example.com", key);
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(corrected.headers().firstValue("Idempotent-Replayed")).isEmpty();

        var retried = post("/v1/customers", "email=a%40example.com", key);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retried.headers().firstValue("Original-Request"))
                .isEqualTo(corrected.headers().firstValue("Request-Id"));
        assertThat(retried.headers().firstValue("Request-Id")).isEqualTo(corrected.headers().firstValue("Request-Id"));
        assertThat(json(retried).get("id")).isEqualTo(json(corrected).get("id"));
    }

    @Test
    void aFailedExpansionUndoesWhatTheEndpointWroteAndFreesTheIdempotencyKey() {
        String key = "expand-" + System.nanoTime();
        String form = "email=kept%40example.com&expand%5B0%5D=no_such_field";

        var first = post("/v1/customers", form, key);
        assertThat(first.statusCode()).isEqualTo(400);
        assertThat(json(first).at("/error/param").asString()).isEqualTo("expand");
        assertThat(json(sandboxCall("GET", "/v1/customers", null, secretKey)).get("data")).isEmpty();

        var retried = post("/v1/customers", form, key);
        assertThat(retried.statusCode()).isEqualTo(400);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retried.headers().firstValue("Request-Id")).isNotEqualTo(first.headers().firstValue("Request-Id"));
    }

    @Test
    void aCardDeclineIsKeptWithItsFailedChargeAndReplayed() {
        String key = "decline-" + System.nanoTime();
        String form = "amount=2000&currency=usd&payment_method=pm_card_chargeDeclined&confirm=true"
                + "&payment_method_types%5B0%5D=card";

        var declined = post("/v1/payment_intents", form, key);
        assertThat(declined.statusCode()).isEqualTo(402);
        String charge = json(declined).at("/error/charge").asString();
        assertThat(charge).startsWith("ch_");
        assertThat(sandboxCall("GET", "/v1/charges/" + charge, null, secretKey).statusCode()).isEqualTo(200);

        var retried = post("/v1/payment_intents", form, key);
        assertThat(retried.statusCode()).isEqualTo(402);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(retried.body()).isEqualTo(declined.body());
    }

    @Test
    void answersCarryTheRequestedApiVersionOrTheSandboxesAndNoInternalField() {
        var named = send(request("/sandbox/v1/customers").header("Authorization", "Bearer " + secretKey)
                .header("Stripe-Version", "2024-06-20").GET());
        assertThat(named.headers().firstValue("Stripe-Version")).hasValue("2024-06-20");

        var intent = post("/v1/payment_intents", "amount=2000&currency=usd&payment_method=pm_card_visa&confirm=true"
                + "&return_url=https%3A%2F%2Fshop.example%2Fdone", null);
        assertThat(intent.statusCode()).isEqualTo(200);
        assertThat(intent.headers().firstValue("Stripe-Version")).hasValue(com.stripe.Stripe.API_VERSION);
        assertThat(json(intent).propertyNames()).noneMatch(name -> name.startsWith("_"));
    }

    private HttpResponse<String> post(String path, String form, String idempotencyKey) {
        HttpRequest.Builder builder = request("/sandbox" + path)
                .header("Authorization", "Bearer " + secretKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return send(builder);
    }
}
