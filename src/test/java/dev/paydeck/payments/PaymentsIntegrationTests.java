package dev.paydeck.payments;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentsIntegrationTests extends IntegrationTest {

    private Person owner;
    private String organizationId;
    private String key;

    @BeforeEach
    void organization() {
        owner = signUp("Merchant");
        organizationId = createOrganization(owner, "Tea Shop", null).get("id").asString();
        key = apiKey(owner, organizationId, "admin");
    }

    @Test
    void payForACustomerWithTheVisaTestCard() {
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"ada@example.com\"}"))
                .get("id").asString();

        var created = call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"usd\","
                + "\"customer_id\":\"" + customer + "\",\"description\":\"Order #1\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        var body = json(created);
        assertThat(body.get("client_secret").asString()).startsWith("pi_").contains("_secret_");
        assertThat(body.get("publishable_key").asString()).startsWith("pk_test_");
        assertThat(body.at("/payment/status").asString()).isEqualTo("requires_payment_method");
        assertThat(body.at("/payment/amount_formatted").asString()).isEqualTo("$20.00");
        String id = body.at("/payment/id").asString();

        var confirmed = call("POST", "/api/v1/payment-intents/" + id + "/confirm", key,
                "{\"payment_method\":\"pm_card_visa\"}");
        assertThat(json(confirmed).get("status").asString()).isEqualTo("succeeded");
        assertThat(json(confirmed).get("amount_received").asLong()).isEqualTo(2000);

        var detail = json(call("GET", "/api/v1/payment-intents/" + id, key, null));
        assertThat(detail.at("/payment/customer_id").asString()).isEqualTo(customer);
        assertThat(detail.get("charges")).hasSize(1);
        assertThat(detail.get("charges").get(0).get("card_last4").asString()).isEqualTo("4242");
        assertThat(detail.get("charges").get(0).get("paid").asBoolean()).isTrue();
    }

    @Test
    void declinedCardsGiveTheCustomerAClearMessageAndTheyCanPayAgain() {
        var declined = pay(2000, "usd", "pm_card_chargeDeclinedInsufficientFunds", false);

        assertThat(declined.statusCode()).isEqualTo(402);
        var problem = json(declined);
        assertThat(problem.get("code").asString()).isEqualTo("card_declined");
        assertThat(problem.get("decline_code").asString()).isEqualTo("insufficient_funds");
        assertThat(problem.get("detail").asString()).isEqualTo("Your card has insufficient funds. Please use "
                + "another card.");
        String id = problem.get("payment_id").asString();
        var payment = json(call("GET", "/api/v1/payment-intents/" + id, key, null)).get("payment");
        assertThat(payment.get("status").asString()).isEqualTo("requires_payment_method");
        assertThat(payment.at("/last_payment_error/decline_code").asString()).isEqualTo("insufficient_funds");

        var retried = call("POST", "/api/v1/payment-intents/" + id + "/confirm", key,
                "{\"payment_method\":\"pm_card_visa\"}");
        assertThat(json(retried).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void eachDeclineHasItsOwnCodes() {
        assertDecline("pm_card_chargeDeclined", "card_declined", "generic_decline", "Your card was declined.");
        assertDecline("pm_card_chargeDeclinedExpiredCard", "expired_card", null, "Your card has expired.");
        assertDecline("pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc", null, "security code is incorrect");
        assertDecline("pm_card_chargeDeclinedProcessingError", "processing_error", null, "An error occurred");
    }

    @Test
    void manualCaptureInPartThenNoMore() {
        var authorized = json(call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"eur\","
                + "\"capture_method\":\"manual\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}"))
                .get("payment");
        assertThat(authorized.get("status").asString()).isEqualTo("requires_capture");
        assertThat(authorized.get("amount_capturable").asLong()).isEqualTo(2000);
        String id = authorized.get("id").asString();

        var tooMuch = call("POST", "/api/v1/payment-intents/" + id + "/capture", key, "{\"amount\":2500}");
        assertThat(tooMuch.statusCode()).isEqualTo(409);

        var captured = json(call("POST", "/api/v1/payment-intents/" + id + "/capture", key, "{\"amount\":1500}"));
        assertThat(captured.get("status").asString()).isEqualTo("succeeded");
        assertThat(captured.get("amount_received").asLong()).isEqualTo(1500);
        assertThat(call("POST", "/api/v1/payment-intents/" + id + "/capture", key, "{}").statusCode()).isEqualTo(409);
    }

    @Test
    void cancelReleasesAnAuthorizationButNotASucceededPayment() {
        String authorized = json(call("POST", "/api/v1/payment-intents", key, "{\"amount\":900,\"currency\":\"usd\","
                + "\"capture_method\":\"manual\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}"))
                .at("/payment/id").asString();
        var canceled = call("POST", "/api/v1/payment-intents/" + authorized + "/cancel", key,
                "{\"reason\":\"requested_by_customer\"}");
        assertThat(json(canceled).get("status").asString()).isEqualTo("canceled");

        String paid = json(pay(900, "usd", "pm_card_visa", false)).at("/payment/id").asString();
        var refused = call("POST", "/api/v1/payment-intents/" + paid + "/cancel", key, "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(json(refused).get("detail").asString()).contains("refund it instead");
    }

    @Test
    void partialAndFullRefundsButNeverMoreThanWasPaid() {
        String id = json(pay(2000, "usd", "pm_card_visa", false)).at("/payment/id").asString();

        assertThat(refund(id, "{\"amount\":500,\"reason\":\"requested_by_customer\"}").statusCode()).isEqualTo(201);
        assertThat(refund(id, "{\"amount\":700}").statusCode()).isEqualTo(201);
        var over = refund(id, "{\"amount\":1000}");
        assertThat(over.statusCode()).isEqualTo(409);
        assertThat(json(over).get("detail").asString()).isEqualTo("Cannot refund $10.00: only $8.00 of this payment "
                + "is left to refund.");
        var rest = refund(id, "{}");
        assertThat(json(rest).get("amount").asLong()).isEqualTo(800);
        assertThat(json(rest).get("status").asString()).isEqualTo("succeeded");
        assertThat(refund(id, "{}").statusCode()).isEqualTo(409);

        var detail = json(call("GET", "/api/v1/payment-intents/" + id, key, null));
        assertThat(detail.at("/payment/amount_refunded").asLong()).isEqualTo(2000);
        assertThat(detail.get("refunds")).hasSize(3);
        assertThat(detail.get("charges").get(0).get("amount_refunded").asLong()).isEqualTo(2000);
    }

    @Test
    void retryingWithTheSameIdempotencyKeyNeverChargesTwice() {
        String idempotencyKey = UUID.randomUUID().toString();
        String body = "{\"amount\":1234,\"currency\":\"usd\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}";

        var first = send(idempotent(body, idempotencyKey));
        var second = send(idempotent(body, idempotencyKey));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(second).at("/payment/id").asString()).isEqualTo(json(first).at("/payment/id").asString());
        assertThat(json(call("GET", "/api/v1/payment-intents?status=succeeded", key, null)).get("data")).hasSize(1);
        var conflicting = send(idempotent(body.replace("1234", "4321"), idempotencyKey));
        assertThat(conflicting.statusCode()).isEqualTo(422);
    }

    @Test
    void stripesAmountRulesPerCurrency() {
        assertAmountRefused(49, "usd", "at least $0.50");
        assertThat(pay(50, "usd", "pm_card_visa", false).statusCode()).isEqualTo(201);
        var yen = json(pay(500, "jpy", "pm_card_visa", false));
        assertThat(yen.at("/payment/amount_formatted").asString()).isEqualTo("¥500");
        assertThat(yen.at("/payment/amount_received").asLong()).isEqualTo(500);
        assertAmountRefused(199_999, "cop", "COP2,000.00");
        assertThat(pay(200_000, "cop", "pm_card_visa", false).statusCode()).isEqualTo(201);
        var unknown = call("POST", "/api/v1/payment-intents", key, "{\"amount\":100,\"currency\":\"xyz\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).get("errors").get(0).get("field").asString()).isEqualTo("currency");
        var negative = call("POST", "/api/v1/payment-intents", key, "{\"amount\":-5,\"currency\":\"usd\"}");
        assertThat(json(negative).get("errors").get(0).get("field").asString()).isEqualTo("amount");
    }

    @Test
    void aCustomerCanBeGivenByEmailAndName() {
        var created = json(call("POST", "/api/v1/payment-intents", key, "{\"amount\":700,\"currency\":\"usd\","
                + "\"customer_email\":\"new@example.com\",\"customer_name\":\"New Buyer\"}"));
        String customer = created.at("/payment/customer_id").asString();

        assertThat(json(call("GET", "/api/v1/customers/" + customer, key, null)).get("name").asString())
                .isEqualTo("New Buyer");
        var byCustomer = json(call("GET", "/api/v1/payment-intents?customer_id=" + customer, key, null));
        assertThat(byCustomer.get("data")).hasSize(1);
    }

    @Test
    void historyFiltersAndPages() {
        pay(1000, "usd", "pm_card_visa", false);
        pay(1100, "usd", "pm_card_chargeDeclined", false);
        pay(1200, "usd", "pm_card_visa", false);

        var succeeded = json(call("GET", "/api/v1/payment-intents?status=succeeded", key, null));
        assertThat(succeeded.get("data").valueStream().map(p -> p.get("amount").asLong())).containsExactly(1200L,
                1000L);
        var page = json(call("GET", "/api/v1/payment-intents?limit=2", key, null));
        assertThat(page.get("has_more").asBoolean()).isTrue();
        var next = json(call("GET", "/api/v1/payment-intents?limit=2&starting_after="
                + page.get("next_starting_after").asString(), key, null));
        assertThat(next.get("data")).hasSize(1);
        assertThat(call("GET", "/api/v1/payment-intents?created_from=2020-01-01T00:00:00Z", key, null).statusCode())
                .isEqualTo(200);
        assertThat(call("GET", "/api/v1/payment-intents?created_from=yesterday", key, null).statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/v1/payment-intents?status=paid", key, null).statusCode()).isEqualTo(400);
    }

    @Test
    void viewersCannotPayOrRefundAndOtherOrganizationsCannotTouchAnything() {
        String id = json(pay(2000, "usd", "pm_card_visa", false)).at("/payment/id").asString();
        String viewer = apiKey(owner, organizationId, "viewer");
        assertThat(call("GET", "/api/v1/payment-intents/" + id, viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/payment-intents", viewer, "{\"amount\":2000,\"currency\":\"usd\"}")
                .statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/payment-intents/" + id + "/refunds", viewer, "{}").statusCode())
                .isEqualTo(403);

        Person stranger = signUp("Stranger");
        String strangerKey = apiKey(stranger, createOrganization(stranger, "Elsewhere", null).get("id").asString(),
                "admin");
        for (String[] request : new String[][] {{"GET", ""}, {"POST", "/confirm"}, {"POST", "/capture"},
                {"POST", "/cancel"}, {"POST", "/refunds"}}) {
            var response = call(request[0], "/api/v1/payment-intents/" + id + request[1], strangerKey,
                    "POST".equals(request[0]) ? "{}" : null);
            assertThat(response.statusCode()).as(request[0] + request[1]).isEqualTo(404);
        }
        assertThat(json(call("GET", "/api/v1/payment-intents", strangerKey, null)).get("data")).isEmpty();
        assertThat(json(call("GET", "/api/v1/payment-intents/" + id, key, null)).at("/payment/amount_refunded")
                .asLong()).isZero();
    }

    @Test
    void aStripeOutageLeavesThePaymentUnknownAndARetryResolvesItWithoutChargingTwice() throws Exception {
        StripeAccount flaky = organizationOnItsOwnSandboxAccount(owner, "Flaky");
        String body = "{\"amount\":2500,\"currency\":\"usd\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}";
        String idempotencyKey = UUID.randomUUID().toString();

        flaky.fault("unavailable");
        var duringOutage = send(idempotent(body, idempotencyKey, flaky.apiKey()));
        assertThat(duringOutage.statusCode()).isEqualTo(503);
        assertThat(json(duringOutage).get("detail").asString()).contains("Nothing was lost");
        String id = json(duringOutage).get("payment_id").asString();
        assertThat(json(call("GET", "/api/v1/payment-intents/" + id, flaky.apiKey(), null)).at("/payment/status")
                .asString()).isEqualTo("unknown");

        flaky.fault("none");
        var retried = send(idempotent(body, idempotencyKey, flaky.apiKey()));

        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(json(retried).at("/payment/id").asString()).isEqualTo(id);
        assertThat(json(retried).at("/payment/status").asString()).isEqualTo("succeeded");
        assertThat(flaky.stripe().v1().paymentIntents().list().getData()).hasSize(1);
    }

    @Test
    void aLostStripeResponseNeverBecomesASecondCharge() throws Exception {
        StripeAccount lossy = organizationOnItsOwnSandboxAccount(owner, "Lossy");
        String body = "{\"amount\":3100,\"currency\":\"usd\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}";
        String idempotencyKey = UUID.randomUUID().toString();

        lossy.fault("lose_response");
        var first = send(idempotent(body, idempotencyKey, lossy.apiKey()));
        lossy.fault("none");
        var retried = send(idempotent(body, idempotencyKey, lossy.apiKey()));

        assertThat(first.statusCode()).isIn(201, 503);
        assertThat(retried.statusCode()).isEqualTo(201);
        assertThat(json(retried).at("/payment/status").asString()).isEqualTo("succeeded");
        assertThat(lossy.stripe().v1().paymentIntents().list().getData()).hasSize(1);
    }

    /** An organization with "real" keys of a sandbox account of its own, whose failures the test can switch on. */


    private void assertDecline(String card, String code, String declineCode, String message) {
        var response = pay(2000, "usd", card, false);
        assertThat(response.statusCode()).as(card).isEqualTo(402);
        assertThat(json(response).get("code").asString()).as(card).isEqualTo(code);
        if (declineCode != null) {
            assertThat(json(response).get("decline_code").asString()).isEqualTo(declineCode);
        }
        assertThat(json(response).get("detail").asString()).as(card).contains(message);
    }

    private void assertAmountRefused(long amount, String currency, String message) {
        var response = call("POST", "/api/v1/payment-intents", key, "{\"amount\":" + amount + ",\"currency\":\""
                + currency + "\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = json(response).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("amount");
        assertThat(error.get("message").asString()).contains(message);
    }

    private HttpResponse<String> pay(long amount, String currency, String paymentMethod, boolean manual) {
        return call("POST", "/api/v1/payment-intents", key, "{\"amount\":" + amount + ",\"currency\":\"" + currency
                + "\",\"payment_method\":\"" + paymentMethod + "\",\"confirm\":true"
                + (manual ? ",\"capture_method\":\"manual\"" : "") + "}");
    }

    private HttpResponse<String> refund(String id, String body) {
        return call("POST", "/api/v1/payment-intents/" + id + "/refunds", key, body);
    }

    private HttpRequest.Builder idempotent(String body, String idempotencyKey) {
        return idempotent(body, idempotencyKey, key);
    }

    private HttpRequest.Builder idempotent(String body, String idempotencyKey, String apiKey) {
        return request("/api/v1/payment-intents").header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
