package dev.paydeck.sandbox;

import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Serving the sandbox's Stripe.js, and letting pages on other origins use the API with it, as Stripe's API does. */
class StripeJsIntegrationTests extends SandboxTest {

    @Test
    void theScriptIsJavaScriptAtStripesPath() {
        for (String path : new String[] {"/sandbox/js/v3", "/sandbox/js/v3/"}) {
            var response = get(path, "*/*");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/javascript");
            assertThat(response.body()).contains("window.Stripe = Stripe");
        }
    }

    @Test
    void aPageOnAnotherOriginMayCallTheApiWithAPublishableKey() {
        var preflight = send(request("/sandbox/v1/payment_methods")
                .header("Origin", "http://shop.example:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://shop.example:3000");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

        var call = send(request("/sandbox/v1/payment_methods")
                .header("Origin", "http://shop.example:3000")
                .header("Authorization", "Bearer " + publishableKey)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("type=card&card[number]=4242424242424242"
                        + "&card[exp_month]=12&card[exp_year]=2034&card[cvc]=123")));
        assertThat(call.statusCode()).isEqualTo(200);
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://shop.example:3000");
        assertThat(json(call).get("id").asString()).startsWith("pm_");
    }

    @Test
    void theCheckoutDemoExplainsABadAmountInsteadOfFailing() {
        var response = get("/sandbox/checkout-demo?amount=twenty", "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("The amount must be a whole number");
        assertThat(response.body()).doesNotContain("payment-form");
    }

    @Test
    void theResultPageNeedsTheClientSecret() {
        var response = get("/sandbox/checkout-demo/complete?payment_intent=pi_123&payment_intent_client_secret=x",
                "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Payment not found");
    }
}
