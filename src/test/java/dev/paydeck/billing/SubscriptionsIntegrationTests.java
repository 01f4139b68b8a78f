package dev.paydeck.billing;

import com.stripe.StripeClient;
import com.stripe.model.Invoice;
import com.stripe.model.PaymentMethod;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SubscriptionCreateParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import dev.paydeck.organizations.StripeCallLog;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions through Paydeck's API, on an organization's own sandbox account whose customers live on a test clock:
 * what staff create and change is in Stripe, and what Stripe does as the clock moves (a trial's end, renewals, a
 * failed one, the end of a canceled subscription) reaches Paydeck by webhook.
 */
class SubscriptionsIntegrationTests extends IntegrationTest {

    /** 2025-01-01T00:00:00Z, the test clocks' start. */
    private static final long NEW_YEAR = 1_735_689_600L;
    private static final long DAY = 86_400;

    @Autowired
    StripeClients stripeClients;
    @Autowired
    StripeCallLog calls;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.paydeck.support.MovableClock businessClock;
    @Autowired
    dev.paydeck.shared.mirror.Janitor janitor;

    @org.junit.jupiter.api.AfterEach
    void timeBackToNow() {
        businessClock.reset();
    }

    /** An organization on a sandbox account Paydeck opened (its webhook endpoint registered), with two plans. */
    private record Shop(Person owner, String organization, String key, StripeClient stripe, String basic,
                        String premium) {
    }

    /** A customer in Stripe on a test clock, known to Paydeck (by webhook). */
    private record ClockCustomer(String id, String stripeId, TestClock clock) {
    }

    private Shop shop(String name) {
        Person owner = signUp(name + " owner");
        String organization = createOrganization(owner, name, null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Team plan\"}")).get("id").asString();
        String basic = monthly(key, product, 1000);
        String premium = monthly(key, product, 2000);
        return new Shop(owner, organization, key, stripeClients.forOrganization(OrganizationId.parse(organization)
                .orElseThrow()), basic, premium);
    }

    private String monthly(String key, String product, long amount) {
        return json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":"
                + amount + ",\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}")).get("id").asString();
    }

    private ClockCustomer customer(Shop shop, String card) throws Exception {
        TestClock clock = shop.stripe().v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
                .setFrozenTime(NEW_YEAR).build());
        var customer = shop.stripe().v1().customers().create(CustomerCreateParams.builder()
                .setEmail("ada-" + UUID.randomUUID() + "@example.com").setName("Ada").setTestClock(clock.getId())
                .build());
        if (card != null) {
            defaultCard(shop, customer.getId(), card);
        }
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/customers?limit=100",
                        shop.key(), null)).get("data").valueStream()
                .filter(c -> customer.getId().equals(c.path("stripe_customer_id").asString(null)))
                .map(c -> c.get("id").asString()).findFirst().orElse(null), java.util.Objects::nonNull);
        return new ClockCustomer(id, customer.getId(), clock);
    }

    private static void defaultCard(Shop shop, String customer, String token) throws Exception {
        PaymentMethod card = shop.stripe().v1().paymentMethods().attach(token, PaymentMethodAttachParams.builder()
                .setCustomer(customer).build());
        shop.stripe().v1().customers().update(customer, CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
    }

    private static void advance(Shop shop, TestClock clock, long to) throws Exception {
        shop.stripe().v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                .setFrozenTime(to).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> "ready".equals(shop.stripe().v1().testHelpers()
                .testClocks().retrieve(clock.getId()).getStatus()));
    }

    private JsonNode subscribe(Shop shop, ClockCustomer customer, String extra) {
        var created = call("POST", "/api/v1/subscriptions", shop.key(), "{\"customer_id\":\"" + customer.id()
                + "\",\"price_id\":\"" + shop.basic() + "\"" + extra + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    private JsonNode get(Shop shop, String id) {
        return json(call("GET", "/api/v1/subscriptions/" + id, shop.key(), null));
    }

    private void awaitStatus(Shop shop, String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get(shop, id).get("status")
                .asString()).isEqualTo(status));
    }

    private java.net.http.HttpResponse<String> csv(String path, String key) {
        return send(request(path).header("Accept", "text/csv").header("Authorization", "Bearer " + key).GET());
    }

    private static OffsetDateTime at(long epochSecond) {
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    @Test
    void aTrialOfFourteenDaysEndsIntoAnActiveSubscriptionWhoseFirstInvoiceIsPaid() throws Exception {
        Shop shop = shop("Trials");
        ClockCustomer customer = customer(shop, "pm_card_visa");

        JsonNode trialing = subscribe(shop, customer, ",\"quantity\":2,\"trial_period_days\":14");

        assertThat(trialing.get("status").asString()).isEqualTo("trialing");
        assertThat(OffsetDateTime.parse(trialing.get("trial_end").asString())).isEqualTo(at(NEW_YEAR + 14 * DAY));
        assertThat(trialing.get("customer_id").asString()).isEqualTo(customer.id());
        assertThat(trialing.at("/items/0/quantity").asLong()).isEqualTo(2);
        assertThat(trialing.at("/items/0/price_id").asString()).isEqualTo(shop.basic());
        assertThat(trialing.get("amount_per_period_formatted").asString()).isEqualTo("$20.00");
        String id = trialing.get("id").asString();
        var inStripe = shop.stripe().v1().subscriptions().retrieve(trialing.get("stripe_subscription_id").asString());
        assertThat(inStripe.getMetadata()).containsEntry("paydeck_subscription_id", id);
        assertThat(inStripe.getTrialEnd()).isEqualTo(NEW_YEAR + 14 * DAY);
        assertThat(calls.about(OrganizationId.parse(shop.organization()).orElseThrow(), "subscription", id))
                .extracting(StripeCallLog.Call::idempotencyKey).contains("paydeck-subscription-" + id);

        advance(shop, customer.clock(), NEW_YEAR + 15 * DAY);

        awaitStatus(shop, id, "active");
        JsonNode active = get(shop, id);
        assertThat(OffsetDateTime.parse(active.get("current_period_start").asString()))
                .isEqualTo(at(NEW_YEAR + 14 * DAY));
        Invoice first = shop.stripe().v1().invoices().retrieve(active.get("latest_invoice").asString());
        assertThat(first.getStatus()).isEqualTo("paid");
        assertThat(first.getAmountPaid()).isEqualTo(2000L);
        assertThat(first.getBillingReason()).isEqualTo("subscription_cycle");
    }

    @Test
    void anUpgradeMidPeriodChargesExactlyWhatItsPreviewShowed() throws Exception {
        Shop shop = shop("Upgrades");
        ClockCustomer customer = customer(shop, "pm_card_visa");
        JsonNode subscription = subscribe(shop, customer, "");
        assertThat(subscription.get("status").asString()).isEqualTo("active");
        String id = subscription.get("id").asString();
        advance(shop, customer.clock(), NEW_YEAR + 15 * DAY);

        var previewed = call("POST", "/api/v1/subscriptions/" + id + "/preview-change", shop.key(),
                "{\"price_id\":\"" + shop.premium() + "\",\"proration_behavior\":\"always_invoice\"}");
        assertThat(previewed.statusCode()).as(previewed.body()).isEqualTo(200);
        JsonNode preview = json(previewed);
        // January has 31 days: 16 of them left on the plan at 10 USD, now at 20 USD.
        long credit = -Math.round(1000.0 * 16 / 31);
        long charge = Math.round(2000.0 * 16 / 31);
        assertThat(preview.get("lines").valueStream().filter(line -> line.get("proration").asBoolean())
                .map(line -> line.get("amount").asLong())).containsExactlyInAnyOrder(credit, charge);
        assertThat(preview.get("amount_due").asLong()).isEqualTo(credit + charge);
        assertThat(preview.get("due_now").asBoolean()).isTrue();
        assertThat(preview.get("proration_date").asLong()).isEqualTo(NEW_YEAR + 15 * DAY);
        assertThat(get(shop, id).at("/items/0/price_id").asString()).as("a preview changes nothing")
                .isEqualTo(shop.basic());

        // Time passes between the preview and the confirmation: the preview's proration date still rules.
        advance(shop, customer.clock(), NEW_YEAR + 15 * DAY + 3600);
        var changed = call("POST", "/api/v1/subscriptions/" + id + "/change", shop.key(), "{\"price_id\":\""
                + shop.premium() + "\",\"proration_behavior\":\"always_invoice\",\"proration_date\":"
                + preview.get("proration_date").asLong() + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode upgraded = json(changed);
        assertThat(upgraded.at("/items/0/price_id").asString()).isEqualTo(shop.premium());
        assertThat(upgraded.get("amount_per_period").asLong()).isEqualTo(2000);
        Invoice charged = shop.stripe().v1().invoices().retrieve(upgraded.get("latest_invoice").asString());
        assertThat(charged.getBillingReason()).isEqualTo("subscription_update");
        assertThat(charged.getStatus()).isEqualTo("paid");
        assertThat(charged.getAmountPaid()).as("what the preview showed").isEqualTo(preview.get("amount_due")
                .asLong());

        var quantity = json(call("POST", "/api/v1/subscriptions/" + id + "/preview-change", shop.key(),
                "{\"quantity\":3}"));
        assertThat(quantity.get("due_now").asBoolean()).as("create_prorations: on the next invoice").isFalse();
        assertThat(quantity.get("lines").valueStream().anyMatch(line -> !line.get("proration").asBoolean()
                && line.get("amount").asLong() == 6000)).as("the next period, three of them").isTrue();
    }

    @Test
    void aSubscriptionCanceledAtItsPeriodsEndCanBeResumedUntilThenAndEndsWithIt() throws Exception {
        Shop shop = shop("Cancellations");
        ClockCustomer customer = customer(shop, "pm_card_visa");
        String id = subscribe(shop, customer, "").get("id").asString();

        JsonNode ending = json(call("POST", "/api/v1/subscriptions/" + id + "/cancel", shop.key(),
                "{\"at_period_end\":true}"));
        assertThat(ending.get("cancel_at_period_end").asBoolean()).isTrue();
        assertThat(ending.get("status").asString()).isEqualTo("active");
        assertThat(ending.has("next_renewal")).as("it will not renew").isFalse();
        JsonNode resumed = json(call("POST", "/api/v1/subscriptions/" + id + "/resume", shop.key(), null));
        assertThat(resumed.get("cancel_at_period_end").asBoolean()).isFalse();
        assertThat(shop.stripe().v1().subscriptions().retrieve(resumed.get("stripe_subscription_id").asString())
                .getCancelAtPeriodEnd()).isFalse();
        assertThat(call("POST", "/api/v1/subscriptions/" + id + "/resume", shop.key(), null).statusCode())
                .as("nothing to resume").isEqualTo(409);

        call("POST", "/api/v1/subscriptions/" + id + "/cancel", shop.key(), "{\"at_period_end\":true}");
        advance(shop, customer.clock(), NEW_YEAR + 32 * DAY);

        awaitStatus(shop, id, "canceled");
        JsonNode canceled = get(shop, id);
        assertThat(OffsetDateTime.parse(canceled.get("ended_at").asString())).isEqualTo(at(NEW_YEAR + 31 * DAY));
        var again = call("POST", "/api/v1/subscriptions/" + id + "/cancel", shop.key(), null);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(call("POST", "/api/v1/subscriptions/" + id + "/change", shop.key(), "{\"quantity\":2}")
                .statusCode()).isEqualTo(409);

        String now = subscribe(shop, customer, "").get("id").asString();
        JsonNode endedNow = json(call("POST", "/api/v1/subscriptions/" + now + "/cancel", shop.key(), null));
        assertThat(endedNow.get("status").asString()).isEqualTo("canceled");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(call("GET",
                "/api/v1/audit-log?limit=100", shop.owner().token(), null)).get("data").valueStream()
                .filter(line -> line.get("object_id").asString().equals(id))
                .map(line -> line.get("action").asString() + " " + line.path("detail").asString("")))
                .containsExactlyInAnyOrder("subscription.created active", "subscription.updated cancel_at_period_end",
                        "subscription.updated resumed", "subscription.updated cancel_at_period_end"));
    }

    @Test
    void aRenewalTheCardDeclinesMakesThePastDueSubscriptionNeedAttention() throws Exception {
        Shop shop = shop("Failed renewals");
        ClockCustomer customer = customer(shop, "pm_card_visa");
        String id = subscribe(shop, customer, "").get("id").asString();
        defaultCard(shop, customer.stripeId(), "pm_card_chargeCustomerFail");

        advance(shop, customer.clock(), NEW_YEAR + 31 * DAY + 3600);

        awaitStatus(shop, id, "past_due");
        JsonNode pastDue = get(shop, id);
        Invoice failed = shop.stripe().v1().invoices().retrieve(pastDue.get("latest_invoice").asString());
        assertThat(failed.getStatus()).isEqualTo("open");
        assertThat(failed.getAttemptCount()).isEqualTo(1L);
        assertThat(json(call("GET", "/api/v1/subscriptions?status=past_due", shop.key(), null)).get("data")
                .valueStream().map(s -> s.get("id").asString())).containsExactly(id);
        assertThat(json(call("GET", "/api/v1/subscriptions?status=active", shop.key(), null)).get("data")).isEmpty();

        defaultCard(shop, customer.stripeId(), "pm_card_visa");
        advance(shop, customer.clock(), NEW_YEAR + 35 * DAY);
        awaitStatus(shop, id, "active");
    }

    @Test
    void subscriptionsMadeInStripeReachPaydeckByWebhookAndByResync() throws Exception {
        Shop shop = shop("Made elsewhere");
        ClockCustomer customer = customer(shop, "pm_card_visa");
        String stripePrice = json(call("GET", "/api/v1/prices/" + shop.premium(), shop.key(), null))
                .get("stripe_price_id").asString();

        var made = shop.stripe().v1().subscriptions().create(SubscriptionCreateParams.builder()
                .setCustomer(customer.stripeId()).addItem(SubscriptionCreateParams.Item.builder()
                        .setPrice(stripePrice).setQuantity(4L).build()).build());

        JsonNode recorded = await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET",
                "/api/v1/subscriptions?price_id=" + shop.premium(), shop.key(), null)).get("data"),
                data -> data.size() == 1).get(0);
        assertThat(recorded.get("stripe_subscription_id").asString()).isEqualTo(made.getId());
        assertThat(recorded.get("customer_id").asString()).isEqualTo(customer.id());
        assertThat(recorded.at("/items/0/quantity").asLong()).isEqualTo(4);
        assertThat(recorded.get("status").asString()).isEqualTo("active");
        assertThat(json(call("GET", "/api/v1/subscriptions?customer_id=" + customer.id(), shop.key(), null))
                .get("data")).hasSize(1);
        assertThat(json(call("GET", "/api/v1/subscriptions?price_id=" + shop.basic(), shop.key(), null))
                .get("data")).isEmpty();

        // Changed in Stripe while nothing listens: the resync repairs it.
        jdbc.sql("update subscriptions set cancel_at_period_end = false, status = 'past_due' where id = ?")
                .param(UUID.fromString(recorded.get("id").asString())).update();
        assertThat(call("POST", "/api/v1/resync", shop.key(), "{}").statusCode()).isEqualTo(200);
        awaitStatus(shop, recorded.get("id").asString(), "active");
    }

    @Test
    void listsArePagedNewestFirstAndExportedAsCsv() throws Exception {
        Shop shop = shop("Paging");
        ClockCustomer customer = customer(shop, null);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(0, subscribe(shop, customer, ",\"collection_method\":\"send_invoice\",\"days_until_due\":10")
                    .get("id").asString());
        }
        JsonNode first = json(call("GET", "/api/v1/subscriptions?limit=2", shop.key(), null));
        assertThat(first.get("has_more").asBoolean()).isTrue();
        JsonNode second = json(call("GET", "/api/v1/subscriptions?limit=2&starting_after="
                + first.at("/data/1/id").asString(), shop.key(), null));
        assertThat(java.util.stream.Stream.concat(first.get("data").valueStream(), second.get("data").valueStream())
                .map(s -> s.get("id").asString())).containsExactlyElementsOf(ids);
        assertThat(first.at("/data/0/collection_method").asString()).isEqualTo("send_invoice");
        assertThat(first.at("/data/0/days_until_due").asInt()).isEqualTo(10);

        var csv = csv("/api/v1/subscriptions/export?status=active", shop.key());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> rows = csv.body().replace("\uFEFF", "").lines().toList();
        assertThat(rows.getFirst()).startsWith("id,created_at,status,customer_id,customer_email");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).startsWith(ids.getFirst() + ",").contains(",active,", ",10.00,USD,send_invoice,");
        assertThat(csv("/api/v1/subscriptions/export?status=canceled", shop.key()).body().lines())
                .hasSize(1);
    }

    @Test
    void viewersReadButAreRefusedAnyChange() throws Exception {
        Shop shop = shop("Viewed subscriptions");
        ClockCustomer customer = customer(shop, null);
        String id = subscribe(shop, customer, ",\"collection_method\":\"send_invoice\"").get("id").asString();
        String viewer = apiKey(shop.owner(), shop.organization(), "viewer");

        assertThat(call("GET", "/api/v1/subscriptions/" + id, viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/subscriptions", viewer, "{\"customer_id\":\"" + customer.id()
                + "\",\"price_id\":\"" + shop.basic() + "\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/subscriptions/" + id + "/change", viewer, "{\"quantity\":2}").statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/v1/subscriptions/" + id + "/cancel", viewer, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/subscriptions/" + id + "/resume", viewer, null).statusCode()).isEqualTo(403);
        assertThat(get(shop, id).get("status").asString()).isEqualTo("active");
    }

    @Test
    void anotherOrganizationsSubscriptionIsOutOfReach() throws Exception {
        Shop a = shop("Shop A subscriptions");
        ClockCustomer customer = customer(a, null);
        String id = subscribe(a, customer, ",\"collection_method\":\"send_invoice\"").get("id").asString();
        Person ownerB = signUp("Owner B subscriptions");
        String keyB = apiKey(ownerB, createOrganization(ownerB, "Shop B subscriptions", null).get("id").asString(),
                "admin");

        assertThat(call("GET", "/api/v1/subscriptions/" + id, keyB, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/subscriptions/" + id + "/cancel", keyB, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/subscriptions/" + id + "/preview-change", keyB, "{\"quantity\":2}")
                .statusCode()).isEqualTo(404);
        assertThat(json(call("GET", "/api/v1/subscriptions", keyB, null)).get("data")).isEmpty();
        assertThat(call("POST", "/api/v1/subscriptions", keyB, "{\"customer_id\":\"" + customer.id()
                + "\",\"price_id\":\"" + a.basic() + "\"}").statusCode()).as("A's customer and price").isEqualTo(400);
        assertThat(csv("/api/v1/subscriptions/export", keyB).body().lines()).hasSize(1);
        assertThat(get(a, id).get("status").asString()).isEqualTo("active");
    }

    @Test
    void badInputIsRefusedWithAProblem() throws Exception {
        Shop shop = shop("Careless subscriptions");
        ClockCustomer customer = customer(shop, null);
        String product = json(call("POST", "/api/v1/products", shop.key(), "{\"name\":\"Once\"}")).get("id")
                .asString();
        String oneTime = json(call("POST", "/api/v1/prices", shop.key(), "{\"product_id\":\"" + product
                + "\",\"unit_amount\":500,\"currency\":\"usd\"}")).get("id").asString();
        String base = "\"customer_id\":\"" + customer.id() + "\",\"price_id\":\"" + shop.basic() + "\"";

        for (String body : List.of("{}", "{" + base + ",\"quantity\":0}", "{" + base + ",\"trial_period_days\":0}",
                "{" + base + ",\"trial_period_days\":1000}", "{" + base + ",\"collection_method\":\"cash\"}",
                "{" + base + ",\"days_until_due\":5}", "{\"customer_id\":\"" + customer.id() + "\",\"price_id\":\""
                        + oneTime + "\"}", "{\"customer_id\":\"" + UUID.randomUUID() + "\",\"price_id\":\""
                        + shop.basic() + "\"}", "{\"customer_id\":\"nope\",\"price_id\":\"" + shop.basic() + "\"}")) {
            var response = call("POST", "/api/v1/subscriptions", shop.key(), body);
            assertThat(response.statusCode()).as(body + " → " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        var oneTimeRefused = json(call("POST", "/api/v1/subscriptions", shop.key(), "{\"customer_id\":\""
                + customer.id() + "\",\"price_id\":\"" + oneTime + "\"}"));
        assertThat(oneTimeRefused.at("/errors/0/field").asString()).isEqualTo("price_id");
        String id = subscribe(shop, customer, ",\"collection_method\":\"send_invoice\"").get("id").asString();
        assertThat(call("POST", "/api/v1/subscriptions/" + id + "/change", shop.key(), "{}").statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/v1/subscriptions/" + id + "/change", shop.key(), "{\"quantity\":2,"
                + "\"proration_behavior\":\"sometimes\"}").statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/subscriptions?status=overdue", shop.key(), null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/subscriptions/not-a-uuid", shop.key(), null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/subscriptions/" + UUID.randomUUID(), shop.key(), null).statusCode())
                .isEqualTo(404);
        assertThat(json(call("GET", "/api/v1/subscriptions", shop.key(), null)).get("data")).hasSize(1);
    }

    @Test
    void anOutageLeavesTheSubscriptionUnknownAndTheJanitorMakesItOnce() throws Exception {
        StripeAccount account = organizationOnItsOwnSandboxAccount(signUp("Subscription outage"), "Subscriptions down");
        String key = account.apiKey();
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Plan\"}")).get("id").asString();
        String price = monthly(key, product, 1500);
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"down@example.com\"}"))
                .get("id").asString();
        account.fault("unavailable");

        var failed = call("POST", "/api/v1/subscriptions", key, "{\"customer_id\":\"" + customer + "\",\"price_id\":\""
                + price + "\",\"collection_method\":\"send_invoice\"}");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String id = json(failed).get("subscription_id").asString();
        JsonNode stuck = json(call("GET", "/api/v1/subscriptions/" + id, key, null));
        assertThat(stuck.get("status").asString()).isEqualTo("unknown");
        assertThat(stuck.has("stripe_subscription_id")).isFalse();
        account.fault("none");

        businessClock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            janitor.run();
            return "active".equals(json(call("GET", "/api/v1/subscriptions/" + id, key, null)).get("status")
                    .asString());
        });
        var inStripe = account.stripe().v1().subscriptions().list(com.stripe.param.SubscriptionListParams.builder()
                .setStatus(com.stripe.param.SubscriptionListParams.Status.ALL).build()).getData();
        assertThat(inStripe).singleElement().satisfies(subscription -> assertThat(subscription.getMetadata())
                .containsEntry("paydeck_subscription_id", id));
        assertThat(calls.about(OrganizationId.parse(account.organization()).orElseThrow(), "subscription", id))
                .extracting(StripeCallLog.Call::idempotencyKey).containsOnly("paydeck-subscription-" + id);
    }

    @Test
    void theStatusColumnTakesExactlyTheStatusesTheCodeKnows() throws Exception {
        Shop shop = shop("Subscription statuses");
        ClockCustomer customer = customer(shop, null);
        String id = subscribe(shop, customer, ",\"collection_method\":\"send_invoice\"").get("id").asString();
        for (SubscriptionStatus status : SubscriptionStatus.values()) {
            jdbc.sql("update subscriptions set status = ? where id = ?").params(status.code(), UUID.fromString(id))
                    .update();
        }
        assertThatThrownBy(() -> jdbc.sql("update subscriptions set status = 'overdue' where id = ?")
                .params(UUID.fromString(id)).update()).isInstanceOf(DataIntegrityViolationException.class);
    }
}
