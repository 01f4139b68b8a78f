package dev.paydeck.payments;

import dev.paydeck.customers.CustomerStatus;
import dev.paydeck.shared.mirror.Janitor;
import dev.paydeck.support.IntegrationTest;
import dev.paydeck.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The mirror recipe as payments follow it, seen from outside: every Stripe call logged with the payment it was about
 * and none made while a transaction was open, a create that never reached Stripe sent again by the janitor with the
 * same idempotency key, and status columns that take only the statuses the code knows.
 */
class PaymentMirrorIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    MovableClock clock;
    @Autowired
    Janitor janitor;
    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void timeBackToNow() {
        clock.reset();
    }

    @Test
    void aPaymentsDetailListsEveryStripeCallMadeForIt() {
        Person owner = signUp("Logged");
        String key = apiKey(owner, createOrganization(owner, "Logged calls", null).get("id").asString(), "admin");
        String id = json(call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}")).at("/payment/id").asString();
        String refund = json(call("POST", "/api/v1/payment-intents/" + id + "/refunds", key, "{\"amount\":500}"))
                .get("id").asString();

        JsonNode calls = json(call("GET", "/api/v1/payment-intents/" + id, key, null)).get("stripe_calls");

        // The create, the refund, then reads of the intent (for the refund's figures, and for its events).
        List<String> made = calls.valueStream().map(line -> line.get("method").asString() + " "
                + line.get("path").asString().replaceFirst("^.*/v1/", "/v1/").replaceAll("pi_\\w+", "pi_*")).toList();
        assertThat(made).startsWith("POST /v1/payment_intents", "POST /v1/refunds");
        assertThat(made.subList(2, made.size())).isNotEmpty().containsOnly("GET /v1/payment_intents/pi_*");
        assertThat(calls.get(0).get("idempotency_key").asString()).isEqualTo("paydeck-payment-" + id);
        assertThat(calls.get(1).get("idempotency_key").asString()).isEqualTo("paydeck-refund-" + refund);
        for (JsonNode line : calls) {
            assertThat(line.get("status").asInt()).isEqualTo(200);
            assertThat(line.get("request_id").asString()).startsWith("req_");
            assertThat(line.get("latency_ms").asInt()).isNotNegative();
        }
    }

    @Test
    void noStripeCallIsMadeWhileATransactionIsOpen() throws Exception {
        Person owner = signUp("Careful");
        StripeAccount account = organizationOnItsOwnSandboxAccount(owner, "No locks held");
        String key = account.apiKey();
        String paid = json(call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}")).at("/payment/id").asString();
        call("POST", "/api/v1/payment-intents/" + paid + "/refunds", key, "{\"amount\":700}");
        String held = json(call("POST", "/api/v1/payment-intents", key, "{\"amount\":3000,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true,\"capture_method\":\"manual\"}"))
                .at("/payment/id").asString();
        call("POST", "/api/v1/payment-intents/" + held + "/capture", key, "{\"amount\":1000}");
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_chargeDeclined\",\"confirm\":true}");
        call("POST", "/api/v1/customers", key, "{\"email\":\"careful@example.com\"}");
        // Made in Stripe directly (its dashboard, another program): they reach Paydeck through webhooks and resync.
        var stripe = account.stripe();
        sendEveryEventToPaydeck(owner, account);
        String intent = json(call("GET", "/api/v1/payment-intents/" + paid, key, null))
                .at("/payment/stripe_payment_intent_id").asString();
        stripe.v1().refunds().create(com.stripe.param.RefundCreateParams.builder().setPaymentIntent(intent)
                .setAmount(300L).build());
        var customer = stripe.v1().customers().create(com.stripe.param.CustomerCreateParams.builder()
                .setEmail("elsewhere@example.com").build());
        stripe.v1().customers().update(customer.getId(), com.stripe.param.CustomerUpdateParams.builder()
                .setName("Made elsewhere").build());
        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/payment-intents/" + paid, key,
                null)).at("/payment/amount_refunded").asLong() == 1000 && json(call("GET",
                "/api/v1/customers?q=Made%20elsewhere", key, null)).get("data").size() == 1);
        assertThat(call("POST", "/api/v1/resync", key, "{}").statusCode()).isEqualTo(200);

        json(call("GET", "/api/v1/payment-intents/" + paid, key, null)); // writes the queued log lines
        long all = jdbc.sql("select count(*) from stripe_calls where organization_id = ?")
                .param(UUID.fromString(account.organization())).query(Long.class).single();
        List<String> inTransaction = jdbc.sql("select method || ' ' || path from stripe_calls "
                        + "where organization_id = ? and in_transaction")
                .param(UUID.fromString(account.organization())).query(String.class).list();
        assertThat(all).isGreaterThan(10);
        assertThat(inTransaction).isEmpty();
    }

    @Test
    void aFailedThreeDSecureChallengeSendsThePaymentBackAfterReadingStripeOutsideAnyTransaction() throws Exception {
        Person owner = signUp("Challenged");
        StripeAccount account = organizationOnItsOwnSandboxAccount(owner, "Challenged payments");
        sendEveryEventToPaydeck(owner, account);
        JsonNode created = json(call("POST", "/api/v1/payment-intents", account.apiKey(), "{\"amount\":2500,"
                + "\"currency\":\"usd\",\"payment_method\":\"pm_card_authenticationRequired\",\"confirm\":true,"
                + "\"return_url\":\"https://shop.example/done\"}")).get("payment");
        assertThat(created.get("status").asString()).isEqualTo("requires_action");
        String id = created.get("id").asString();
        String intent = created.get("stripe_payment_intent_id").asString();
        String secret = account.stripe().v1().paymentIntents().retrieve(intent).getClientSecret();

        var failed = send(request("/sandbox/3ds/" + intent + "/fail")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("client_secret="
                        + java.net.URLEncoder.encode(secret, java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(failed.statusCode()).isEqualTo(303);

        // requires_action → requires_payment_method looks like a step backwards from the event alone: the payment
        // moves only once Stripe's current PaymentIntent has been read, and that read holds no transaction open.
        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/payment-intents/" + id,
                account.apiKey(), null)).at("/payment/status").asString().equals("requires_payment_method"));
        json(call("GET", "/api/v1/payment-intents/" + id, account.apiKey(), null)); // writes the queued log lines
        List<Boolean> reads = jdbc.sql("select in_transaction from stripe_calls where organization_id = ? "
                        + "and method = 'GET' and path like ?")
                .params(UUID.fromString(account.organization()), "%/v1/payment_intents/" + intent)
                .query(Boolean.class).list();
        assertThat(reads).isNotEmpty().containsOnly(false);
    }

    @Test
    void theJanitorSendsAgainACreateThatNeverReachedStripeWithTheSameIdempotencyKey() throws Exception {
        Person owner = signUp("Janitor");
        StripeAccount account = organizationOnItsOwnSandboxAccount(owner, "Never reached");
        account.fault("unavailable");
        var failed = call("POST", "/api/v1/payment-intents", account.apiKey(), "{\"amount\":4200,"
                + "\"currency\":\"usd\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}");
        assertThat(failed.statusCode()).isEqualTo(503);
        String id = json(failed).get("payment_id").asString();
        JsonNode stuck = json(call("GET", "/api/v1/payment-intents/" + id, account.apiKey(), null)).get("payment");
        assertThat(stuck.get("status").asString()).isEqualTo("unknown");
        assertThat(stuck.has("stripe_payment_intent_id")).isFalse();
        account.fault("none");

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            janitor.run();
            return "succeeded".equals(json(call("GET", "/api/v1/payment-intents/" + id, account.apiKey(), null))
                    .at("/payment/status").asString());
        });

        JsonNode detail = json(call("GET", "/api/v1/payment-intents/" + id, account.apiKey(), null));
        assertThat(detail.at("/payment/stripe_payment_intent_id").asString()).startsWith("pi_");
        assertThat(account.stripe().v1().paymentIntents().list().getData()).hasSize(1);
        assertThat(detail.get("stripe_calls").valueStream()
                .filter(line -> line.get("path").asString().endsWith("/v1/payment_intents"))
                .map(line -> line.get("idempotency_key").asString()).distinct().toList())
                .containsExactly("paydeck-payment-" + id);
    }

    @Test
    void theJanitorNeverMakesASecondPaymentIntentWhenOnlyTheAnswerWasLost() throws Exception {
        Person owner = signUp("Lost answer");
        StripeAccount account = organizationOnItsOwnSandboxAccount(owner, "Answer lost");
        account.fault("lose_response");
        var lost = call("POST", "/api/v1/payment-intents", account.apiKey(), "{\"amount\":4300,"
                + "\"currency\":\"usd\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}");
        account.fault("none");
        if (lost.statusCode() != 503) {
            return; // stripe-java's own retry got the answer: nothing left for the janitor
        }
        String id = json(lost).get("payment_id").asString();

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            janitor.run();
            return "succeeded".equals(json(call("GET", "/api/v1/payment-intents/" + id, account.apiKey(), null))
                    .at("/payment/status").asString());
        });
        assertThat(account.stripe().v1().paymentIntents().list().getData()).hasSize(1);
    }

    @Test
    void manyPaymentsAtOnceAllCompleteAndEachIsAudited() throws Exception {
        // More requests at once than the pool has connections: nothing a payment triggers after commit (its audit
        // line) may need a second connection while the first is held, or the pool deadlocks under load.
        Person owner = signUp("Busy");
        String key = apiKey(owner, createOrganization(owner, "Busy shop", null).get("id").asString(), "admin");
        int payments = 48;
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        try (var callers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < payments; i++) {
                answers.add(callers.submit(() -> call("POST", "/api/v1/payment-intents", key,
                        "{\"amount\":2000,\"currency\":\"usd\",\"payment_method\":\"pm_card_visa\","
                                + "\"confirm\":true}").statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(201);
            }
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(json(call("GET",
                "/api/v1/audit-log?action=payment.created&limit=100", owner.token(), null)).get("data"))
                .hasSize(payments));
    }

    @Test
    void statusColumnsTakeExactlyTheStatusesTheCodeKnows() {
        Person owner = signUp("Statuses");
        String key = apiKey(owner, createOrganization(owner, "Statuses", null).get("id").asString(), "admin");
        String payment = json(call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}")).at("/payment/id").asString();
        String refund = json(call("POST", "/api/v1/payment-intents/" + payment + "/refunds", key, "{\"amount\":100}"))
                .get("id").asString();
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"s@example.com\"}"))
                .get("id").asString();

        for (PaymentStatus status : PaymentStatus.values()) {
            assertAccepted("payments", payment, status.code());
        }
        for (RefundStatus status : RefundStatus.values()) {
            assertAccepted("refunds", refund, status.code());
        }
        for (CustomerStatus status : CustomerStatus.values()) {
            assertAccepted("customers", customer, status.code());
        }
        for (String table : List.of("payments", "refunds", "customers")) {
            String id = table.equals("payments") ? payment : table.equals("refunds") ? refund : customer;
            assertThatThrownBy(() -> assertAccepted(table, id, "paid"))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
    }

    /** Sets the status in a transaction that is rolled back. */
    private void assertAccepted(String table, String id, String status) {
        transactions.executeWithoutResult(tx -> {
            assertThat(jdbc.sql("update " + table + " set status = ? where id = ?")
                    .params(status, UUID.fromString(id)).update()).as(table + " " + status).isEqualTo(1);
            tx.setRollbackOnly();
        });
    }

    /** A webhook endpoint on the account for every event, its secret given to Paydeck. */
    private void sendEveryEventToPaydeck(Person owner, StripeAccount account) throws Exception {
        var endpoint = account.stripe().v1().webhookEndpoints().create(
                com.stripe.param.WebhookEndpointCreateParams.builder()
                        .setUrl(url("/webhooks/stripe/" + account.organization()))
                        .addEnabledEvent(com.stripe.param.WebhookEndpointCreateParams.EnabledEvent.ALL).build());
        assertThat(call("PUT", "/api/v1/organizations/" + account.organization() + "/stripe-keys", owner.token(),
                "{\"publishable_key\":\"" + account.publishableKey() + "\",\"secret_key\":\"" + account.secret()
                        + "\",\"webhook_secret\":\"" + endpoint.getSecret() + "\"}").statusCode()).isEqualTo(200);
    }
}
