package dev.paydeck.sandbox;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import dev.paydeck.support.SandboxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sandbox's API at the root of a port of its own ({@code paydeck.sandbox.port}), as SDKs configured by host,
 * port and protocol alone (stripe-node, stripe-mock users) reach it: the same API, the same accounts and objects as
 * under {@code /sandbox}, and nothing else of Paydeck on that port.
 */
class SandboxApiPortIntegrationTests extends SandboxTest {

    @Value("${paydeck.sandbox.port}")
    int apiPort;

    private String rootBase() {
        return "http://127.0.0.1:" + apiPort;
    }

    private StripeClient atTheRoot() {
        return StripeClient.builder().setApiKey(secretKey).setApiBase(rootBase()).build();
    }

    @Test
    void stripeJavaWorksAgainstBothAddressesOnTheSameObjects() throws StripeException {
        StripeClient root = atTheRoot();

        Customer customer = root.v1().customers().create(CustomerCreateParams.builder().setEmail("ada@example.com")
                .setName("Ada Lovelace").build());
        assertThat(customer.getId()).startsWith("cus_");
        assertThat(stripe.v1().customers().retrieve(customer.getId()).getEmail()).isEqualTo("ada@example.com");

        PaymentIntent created = root.v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(2500L).setCurrency("usd").addPaymentMethodType("card").setCustomer(customer.getId())
                .build());
        assertThat(created.getStatus()).isEqualTo("requires_payment_method");
        PaymentIntent confirmed = root.v1().paymentIntents().confirm(created.getId(),
                com.stripe.param.PaymentIntentConfirmParams.builder().setPaymentMethod("pm_card_visa").build());
        assertThat(confirmed.getStatus()).isEqualTo("succeeded");
        assertThat(confirmed.getAmountReceived()).isEqualTo(2500L);

        // A list with expand[] in the query string: the second connector accepts Stripe's brackets as the main one.
        var listedAtRoot = root.v1().paymentIntents().list(PaymentIntentListParams.builder()
                .setCustomer(customer.getId()).addExpand("data.latest_charge").build());
        assertThat(listedAtRoot.getData()).extracting(PaymentIntent::getId).containsExactly(created.getId());
        assertThat(listedAtRoot.getData().getFirst().getLatestChargeObject().getAmount()).isEqualTo(2500L);
        var listedUnderSandbox = stripe.v1().paymentIntents().list(PaymentIntentListParams.builder()
                .setCustomer(customer.getId()).build());
        assertThat(listedUnderSandbox.getData()).extracting(PaymentIntent::getStatus).containsExactly("succeeded");
    }

    @Test
    void anIdempotencyKeyIsTheSameKeyAtBothAddresses() throws StripeException {
        RequestOptions once = RequestOptions.builder().setIdempotencyKey(UUID.randomUUID().toString()).build();
        CustomerCreateParams params = CustomerCreateParams.builder().setName("Grace Hopper").build();

        Customer first = atTheRoot().v1().customers().create(params, once);
        Customer again = stripe.v1().customers().create(params, once);

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed")).hasValue("true");
    }

    @Test
    void errorsAreTheSameJsonAtBothAddresses() {
        HttpResponse<String> atRoot = raw(rootBase() + "/v1/customers/cus_missing", secretKey);
        HttpResponse<String> underSandbox = raw(url("/sandbox/v1/customers/cus_missing"), secretKey);

        assertThat(atRoot.statusCode()).isEqualTo(404).isEqualTo(underSandbox.statusCode());
        assertThat(JSON.readTree(atRoot.body())).isEqualTo(JSON.readTree(underSandbox.body()));
        assertThat(json(atRoot).at("/error/code").asString()).isEqualTo("resource_missing");

        HttpResponse<String> noKeyAtRoot = raw(rootBase() + "/v1/customers", null);
        HttpResponse<String> noKeyUnderSandbox = raw(url("/sandbox/v1/customers"), null);
        assertThat(noKeyAtRoot.statusCode()).isEqualTo(401).isEqualTo(noKeyUnderSandbox.statusCode());
        assertThat(JSON.readTree(noKeyAtRoot.body())).isEqualTo(JSON.readTree(noKeyUnderSandbox.body()));

        assertThatThrownBy(() -> atTheRoot().v1().customers().retrieve("cus_missing"))
                .isInstanceOfSatisfying(InvalidRequestException.class, error -> {
                    assertThat(error.getStatusCode()).isEqualTo(404);
                    assertThat(error.getCode()).isEqualTo("resource_missing");
                    assertThat(error.getParam()).isEqualTo("id");
                });
    }

    @Test
    void onlyTheApiAnswersOnItsPort() {
        for (String path : new String[] {"/", "/sandbox", "/sandbox/v1/customers", "/health", "/login", "/docs",
                "/api/v1/organizations", "/webhooks/stripe", "/css/paydeck.css", "/v1"}) {
            HttpResponse<String> response = raw(rootBase() + path, secretKey);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(json(response).at("/error/type").asString()).as(path).isEqualTo("invalid_request_error");
            assertThat(json(response).at("/error/message").asString()).as(path)
                    .startsWith("Unrecognized request URL (GET: " + path + ")");
        }
        HttpResponse<String> webhook = send(HttpRequest.newBuilder(URI.create(rootBase() + "/webhooks/stripe/x"))
                .header("Stripe-Signature", "t=1,v1=00").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(webhook.statusCode()).isEqualTo(404);
        assertThat(webhook.body()).contains("Unrecognized request URL (POST: /webhooks/stripe/x)");
    }

    @Test
    void theSandboxPageShowsHowToReachThePort() {
        HttpResponse<String> page = send(request("/sandbox").header("Cookie", signedInSession())
                .header("Accept", "text/html").GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("host: \"<span>127.0.0.1</span>\", port: <span>" + apiPort + "</span>")
                .contains("curl <span>" + rootBase() + "</span>/v1/customers");
    }

    @Test
    void theMainPortDoesNotServeTheApiAtTheRoot() {
        HttpResponse<String> response = raw(url("/v1/customers"), secretKey);

        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("\"object\":\"list\"");
    }

    @Test
    void hostedPagesOfCallsAtTheRootAreOnTheMainPort() throws StripeException {
        PaymentIntent intent = atTheRoot().v1().paymentIntents().create(PaymentIntentCreateParams.builder()
                .setAmount(1500L).setCurrency("eur").addPaymentMethodType("card")
                .setPaymentMethod("pm_card_threeDSecure2Required").setConfirm(true)
                .setReturnUrl("https://shop.example/return").build());

        assertThat(intent.getStatus()).isEqualTo("requires_action");
        String challenge = intent.getNextAction().getRedirectToUrl().getUrl();
        assertThat(challenge).startsWith("http://127.0.0.1:" + port + "/sandbox/3ds/" + intent.getId());
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(challenge)).header("Accept", "text/html")
                .GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Complete authentication");
    }

    @Test
    void stripeJsCallsTheApiOnItsPortAcrossOrigins() {
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(rootBase() + "/v1/payment_intents"))
                .header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
    }

    private HttpResponse<String> raw(String address, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address)).GET();
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request);
    }
}
