package dev.paydeck.billing;

import com.stripe.exception.InvalidRequestException;
import com.stripe.param.CouponCreateParams;
import com.stripe.param.TaxRateCreateParams;
import com.stripe.param.TaxRateUpdateParams;
import dev.paydeck.organizations.StripeCallLog;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Janitor;
import dev.paydeck.support.IntegrationTest;
import dev.paydeck.support.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Coupons and tax rates through Paydeck's API, on an organization's own sandbox account seen with stripe-java: made
 * through Paydeck they exist in Stripe (created with keys derived from Paydeck's ids) and Paydeck and Stripe agree on
 * them after a delete or an archive; made in Stripe they reach Paydeck by webhook and by resync; an outage leaves a
 * record the janitor makes once; viewers only read, other organizations reach nothing, bad input is a 4xx problem.
 */
class CouponsAndTaxRatesIntegrationTests extends IntegrationTest {

    @Autowired
    StripeCallLog calls;
    @Autowired
    MovableClock clock;
    @Autowired
    Janitor janitor;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    dev.paydeck.organizations.StripeClients stripeClients;

    @AfterEach
    void timeBackToNow() {
        clock.reset();
    }

    @Test
    void aCouponIsCreatedListedAndDeletedAndStripeAgrees() throws Exception {
        StripeAccount account = organizationOnItsOwnSandboxAccount(signUp("Discounter"), "Coupon shop");
        String key = account.apiKey();
        String redeemBy = Instant.now().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();

        var created = call("POST", "/api/v1/coupons", key, "{\"name\":\"Launch 25%\",\"percent_off\":25,"
                + "\"duration\":\"repeating\",\"duration_in_months\":3,\"max_redemptions\":100,\"redeem_by\":\""
                + redeemBy + "\",\"metadata\":{\"campaign\":\"launch\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode launch = json(created);
        assertThat(launch.get("status").asString()).isEqualTo("valid");
        assertThat(launch.get("valid").asBoolean()).isTrue();
        assertThat(launch.get("percent_off").decimalValue()).isEqualByComparingTo("25");
        assertThat(launch.get("metadata").has("paydeck_coupon_id")).isFalse();
        JsonNode fiver = json(call("POST", "/api/v1/coupons", key, "{\"amount_off\":500,\"currency\":\"eur\","
                + "\"duration\":\"forever\"}"));
        assertThat(fiver.get("amount_off_formatted").asString()).isEqualTo("€5.00");
        assertThat(fiver.get("duration").asString()).isEqualTo("forever");

        var stripe = account.stripe();
        var inStripe = stripe.v1().coupons().retrieve(launch.get("stripe_coupon_id").asString());
        assertThat(inStripe.getName()).isEqualTo("Launch 25%");
        assertThat(inStripe.getPercentOff()).isEqualByComparingTo(new BigDecimal("25"));
        assertThat(inStripe.getDuration()).isEqualTo("repeating");
        assertThat(inStripe.getDurationInMonths()).isEqualTo(3L);
        assertThat(inStripe.getMaxRedemptions()).isEqualTo(100L);
        assertThat(inStripe.getRedeemBy()).isEqualTo(Instant.parse(redeemBy).getEpochSecond());
        assertThat(inStripe.getMetadata()).containsEntry("paydeck_coupon_id", launch.get("id").asString())
                .containsEntry("campaign", "launch");
        var fiverInStripe = stripe.v1().coupons().retrieve(fiver.get("stripe_coupon_id").asString());
        assertThat(fiverInStripe.getAmountOff()).isEqualTo(500L);
        assertThat(fiverInStripe.getCurrency()).isEqualTo("eur");
        OrganizationId organization = OrganizationId.parse(account.organization()).orElseThrow();
        assertThat(calls.about(organization, "coupon", launch.get("id").asString()))
                .extracting(StripeCallLog.Call::idempotencyKey)
                .contains("paydeck-coupon-" + launch.get("id").asString());

        assertThat(json(call("GET", "/api/v1/coupons", key, null)).get("data").valueStream()
                .map(c -> c.get("id").asString())).containsExactly(fiver.get("id").asString(),
                launch.get("id").asString());
        assertThat(json(call("GET", "/api/v1/coupons/" + launch.get("id").asString(), key, null))
                .get("duration_in_months").asInt()).isEqualTo(3);

        var deleted = call("DELETE", "/api/v1/coupons/" + launch.get("id").asString(), key, null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("deleted").asBoolean()).isTrue();
        assertThatThrownBy(() -> stripe.v1().coupons().retrieve(launch.get("stripe_coupon_id").asString()))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(json(call("GET", "/api/v1/coupons/" + launch.get("id").asString(), key, null)).get("status")
                .asString()).isEqualTo("deleted");
        assertThat(json(call("GET", "/api/v1/coupons", key, null)).get("data").valueStream()
                .map(c -> c.get("id").asString())).containsExactly(fiver.get("id").asString());
        assertThat(json(call("GET", "/api/v1/coupons?status=deleted", key, null)).get("data").valueStream()
                .map(c -> c.get("id").asString())).containsExactly(launch.get("id").asString());
        assertThat(call("DELETE", "/api/v1/coupons/" + launch.get("id").asString(), key, null).statusCode())
                .as("deleted already").isEqualTo(404);
        assertThat(stripe.v1().coupons().list().getData()).extracting(com.stripe.model.Coupon::getId)
                .containsExactly(fiver.get("stripe_coupon_id").asString());
    }

    @Test
    void aTaxRateIsCreatedArchivedAndMadeActiveAgainAndStripeAgrees() throws Exception {
        StripeAccount account = organizationOnItsOwnSandboxAccount(signUp("Taxer"), "Tax shop");
        String key = account.apiKey();
        var created = call("POST", "/api/v1/tax-rates", key, "{\"display_name\":\"VAT\",\"percentage\":\"19.5\","
                + "\"inclusive\":false,\"country\":\"de\",\"jurisdiction\":\"DE\",\"description\":\"German VAT\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode vat = json(created);
        String id = vat.get("id").asString();
        assertThat(vat.get("percentage").asString()).isEqualTo("19.5");
        assertThat(vat.get("country").asString()).isEqualTo("DE");
        assertThat(vat.get("status").asString()).isEqualTo("active");
        var stripe = account.stripe();
        String stripeId = vat.get("stripe_tax_rate_id").asString();
        var inStripe = stripe.v1().taxRates().retrieve(stripeId);
        assertThat(inStripe.getPercentage()).isEqualByComparingTo(new BigDecimal("19.5"));
        assertThat(inStripe.getInclusive()).isFalse();
        assertThat(inStripe.getDisplayName()).isEqualTo("VAT");
        assertThat(inStripe.getCountry()).isEqualTo("DE");
        assertThat(inStripe.getMetadata()).containsEntry("paydeck_tax_rate_id", id);

        var archived = call("POST", "/api/v1/tax-rates/" + id + "/archive", key, null);
        assertThat(json(archived).get("status").asString()).isEqualTo("archived");
        assertThat(stripe.v1().taxRates().retrieve(stripeId).getActive()).isFalse();
        assertThat(json(call("GET", "/api/v1/tax-rates?active=true", key, null)).get("data")).isEmpty();
        assertThat(json(call("GET", "/api/v1/tax-rates?active=false", key, null)).get("data")).hasSize(1);
        var again = call("POST", "/api/v1/tax-rates/" + id + "/unarchive", key, null);
        assertThat(json(again).get("active").asBoolean()).isTrue();
        assertThat(stripe.v1().taxRates().retrieve(stripeId).getActive()).isTrue();
        assertThat(calls.about(OrganizationId.parse(account.organization()).orElseThrow(), "tax_rate", id))
                .extracting(StripeCallLog.Call::idempotencyKey).contains("paydeck-tax_rate-" + id);
    }

    @Test
    void couponsAndTaxRatesMadeInStripeReachPaydeckByWebhook() throws Exception {
        Person owner = signUp("Dashboard user");
        String organization = createOrganization(owner, "Made in Stripe", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        var stripe = stripeClients.forOrganization(OrganizationId.parse(organization).orElseThrow());

        var coupon = stripe.v1().coupons().create(CouponCreateParams.builder().setPercentOff(new BigDecimal("12.5"))
                .setDuration(CouponCreateParams.Duration.ONCE).setName("From the dashboard").build());
        var rate = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("IVA")
                .setPercentage(new BigDecimal("21")).setInclusive(true).setCountry("ES").build());
        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/coupons", key, null))
                .get("data").size() == 1 && json(call("GET", "/api/v1/tax-rates", key, null)).get("data").size() == 1);
        JsonNode mirrored = json(call("GET", "/api/v1/coupons", key, null)).at("/data/0");
        assertThat(mirrored.get("stripe_coupon_id").asString()).isEqualTo(coupon.getId());
        assertThat(mirrored.get("percent_off").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(mirrored.get("name").asString()).isEqualTo("From the dashboard");
        JsonNode iva = json(call("GET", "/api/v1/tax-rates", key, null)).at("/data/0");
        assertThat(iva.get("percentage").asString()).isEqualTo("21");
        assertThat(iva.get("inclusive").asBoolean()).isTrue();

        stripe.v1().taxRates().update(rate.getId(), TaxRateUpdateParams.builder().setActive(false).build());
        stripe.v1().coupons().delete(coupon.getId());
        await().atMost(Duration.ofSeconds(20)).until(() -> "archived".equals(json(call("GET", "/api/v1/tax-rates",
                key, null)).at("/data/0/status").asString()) && json(call("GET", "/api/v1/coupons?status=deleted",
                key, null)).get("data").size() == 1);
        assertThat(json(call("GET", "/api/v1/coupons", key, null)).get("data")).isEmpty();
    }

    @Test
    void couponsAndTaxRatesMadeBeforePaydeckListenedArriveByResync() throws Exception {
        StripeAccount account = organizationOnItsOwnSandboxAccount(signUp("Resyncer"), "Before webhooks");
        var stripe = account.stripe();
        stripe.v1().coupons().create(CouponCreateParams.builder().setAmountOff(1000L).setCurrency("usd")
                .setDuration(CouponCreateParams.Duration.REPEATING).setDurationInMonths(6L).build());
        stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("Sales tax")
                .setPercentage(new BigDecimal("7.25")).setInclusive(false).setCountry("US").setState("CA").build());
        assertThat(json(call("GET", "/api/v1/coupons", account.apiKey(), null)).get("data")).isEmpty();

        assertThat(call("POST", "/api/v1/resync", account.apiKey(), "{}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/coupons", account.apiKey(),
                null)).get("data").size() == 1 && json(call("GET", "/api/v1/tax-rates", account.apiKey(), null))
                .get("data").size() == 1);
        JsonNode coupon = json(call("GET", "/api/v1/coupons", account.apiKey(), null)).at("/data/0");
        assertThat(coupon.get("amount_off").asLong()).isEqualTo(1000L);
        assertThat(coupon.get("duration_in_months").asInt()).isEqualTo(6);
        JsonNode rate = json(call("GET", "/api/v1/tax-rates", account.apiKey(), null)).at("/data/0");
        assertThat(rate.get("percentage").asString()).isEqualTo("7.25");
        assertThat(rate.get("state").asString()).isEqualTo("CA");

        // Deleted in Stripe with no event to say so: Stripe lists it no more, the resync reads it and finds it gone.
        stripe.v1().coupons().delete(coupon.get("stripe_coupon_id").asString());
        assertThat(call("POST", "/api/v1/resync", account.apiKey(), "{}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "deleted".equals(json(call("GET", "/api/v1/coupons/"
                + coupon.get("id").asString(), account.apiKey(), null)).get("status").asString()));
    }

    @Test
    void anOutageLeavesTheCouponUnknownAndTheJanitorMakesItOnce() throws Exception {
        StripeAccount account = organizationOnItsOwnSandboxAccount(signUp("Coupon outage"), "Coupons down");
        account.fault("unavailable");
        var failed = call("POST", "/api/v1/coupons", account.apiKey(), "{\"percent_off\":10}");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String id = json(failed).get("coupon_id").asString();
        assertThat(json(call("GET", "/api/v1/coupons/" + id, account.apiKey(), null)).get("status").asString())
                .isEqualTo("unknown");
        account.fault("none");

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            janitor.run();
            return "valid".equals(json(call("GET", "/api/v1/coupons/" + id, account.apiKey(), null))
                    .get("status").asString());
        });
        assertThat(account.stripe().v1().coupons().list().getData()).hasSize(1)
                .allSatisfy(c -> assertThat(c.getMetadata()).containsEntry("paydeck_coupon_id", id));
    }

    @Test
    void anOutageLeavesTheTaxRateUnknownAndTheJanitorMakesItOnce() throws Exception {
        StripeAccount account = organizationOnItsOwnSandboxAccount(signUp("Tax outage"), "Taxes down");
        account.fault("unavailable");
        var failed = call("POST", "/api/v1/tax-rates", account.apiKey(), "{\"display_name\":\"VAT\","
                + "\"percentage\":\"20\",\"inclusive\":true}");
        assertThat(failed.statusCode()).isEqualTo(503);
        String id = json(failed).get("tax_rate_id").asString();
        assertThat(json(call("GET", "/api/v1/tax-rates/" + id, account.apiKey(), null)).get("status").asString())
                .isEqualTo("unknown");
        account.fault("none");

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            janitor.run();
            return "active".equals(json(call("GET", "/api/v1/tax-rates/" + id, account.apiKey(), null))
                    .get("status").asString());
        });
        var rates = account.stripe().v1().taxRates().list().getData();
        assertThat(rates).hasSize(1);
        assertThat(rates.get(0).getPercentage()).isEqualByComparingTo("20");
        assertThat(rates.get(0).getInclusive()).isTrue();
        assertThat(rates.get(0).getMetadata()).containsEntry("paydeck_tax_rate_id", id);
    }

    @Test
    void everyChangeMadeThroughPaydeckIsInTheAuditLog() {
        Person owner = signUp("Audited discounter");
        String key = apiKey(owner, createOrganization(owner, "Audited coupons", null).get("id").asString(), "admin");
        String coupon = json(call("POST", "/api/v1/coupons", key, "{\"percent_off\":15}")).get("id").asString();
        call("DELETE", "/api/v1/coupons/" + coupon, key, null);
        String rate = json(call("POST", "/api/v1/tax-rates", key, "{\"display_name\":\"VAT\",\"percentage\":\"19\","
                + "\"inclusive\":false}")).get("id").asString();
        call("POST", "/api/v1/tax-rates/" + rate + "/archive", key, null);
        call("POST", "/api/v1/tax-rates/" + rate + "/unarchive", key, null);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(call("GET",
                "/api/v1/audit-log?limit=100", owner.token(), null)).get("data").valueStream()
                .filter(line -> line.get("object_id").asString().equals(coupon)
                        || line.get("object_id").asString().equals(rate))
                .map(line -> line.get("action").asString() + " " + line.get("detail").asString()))
                .containsExactlyInAnyOrder("coupon.created 15%", "coupon.deleted 15%", "tax_rate.created VAT 19%",
                        "tax_rate.archived VAT 19%", "tax_rate.unarchived VAT 19%"));
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        Person owner = signUp("Careless discounter");
        String key = apiKey(owner, createOrganization(owner, "Careless coupons", null).get("id").asString(), "admin");
        String past = Instant.now().minus(Duration.ofDays(1)).toString();
        for (String body : List.of("{}", "{\"percent_off\":10,\"amount_off\":500,\"currency\":\"usd\"}",
                "{\"percent_off\":101}", "{\"percent_off\":0}", "{\"percent_off\":12.345}",
                "{\"amount_off\":500}", "{\"percent_off\":10,\"currency\":\"usd\"}",
                "{\"amount_off\":500,\"currency\":\"dollars\"}", "{\"amount_off\":-5,\"currency\":\"usd\"}",
                "{\"percent_off\":10,\"duration\":\"repeating\"}",
                "{\"percent_off\":10,\"duration\":\"once\",\"duration_in_months\":3}",
                "{\"percent_off\":10,\"duration\":\"weekly\"}", "{\"percent_off\":10,\"max_redemptions\":0}",
                "{\"percent_off\":10,\"redeem_by\":\"" + past + "\"}",
                "{\"percent_off\":10,\"name\":\"" + "x".repeat(41) + "\"}", "{\"percent_off\":\"lots\"}")) {
            var response = call("POST", "/api/v1/coupons", key, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(body)
                    .startsWith("application/problem+json");
        }
        for (String body : List.of("{}", "{\"display_name\":\"VAT\",\"percentage\":\"abc\",\"inclusive\":false}",
                "{\"display_name\":\"VAT\",\"percentage\":\"101\",\"inclusive\":false}",
                "{\"display_name\":\"VAT\",\"percentage\":\"-1\",\"inclusive\":false}",
                "{\"display_name\":\"VAT\",\"percentage\":\"1.23456\",\"inclusive\":false}",
                "{\"display_name\":\"VAT\",\"percentage\":\"19\"}",
                "{\"display_name\":\" \",\"percentage\":\"19\",\"inclusive\":false}",
                "{\"display_name\":\"VAT\",\"percentage\":\"19\",\"inclusive\":false,\"country\":\"DEU\"}",
                "{\"display_name\":\"" + "x".repeat(51) + "\",\"percentage\":\"19\",\"inclusive\":false}")) {
            var response = call("POST", "/api/v1/tax-rates", key, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(body)
                    .startsWith("application/problem+json");
        }
        assertThat(call("GET", "/api/v1/coupons?status=expired", key, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/coupons/not-a-uuid", key, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/tax-rates/" + UUID.randomUUID(), key, null).statusCode()).isEqualTo(404);
        assertThat(json(call("GET", "/api/v1/coupons", key, null)).get("data")).isEmpty();
        assertThat(json(call("GET", "/api/v1/tax-rates", key, null)).get("data")).isEmpty();
    }

    @Test
    void viewersMayReadButNotWriteAndOtherOrganizationsReachNothing() {
        Person owner = signUp("Coupon owner");
        String organization = createOrganization(owner, "Viewed coupons", null).get("id").asString();
        String admin = apiKey(owner, organization, "admin");
        String viewer = apiKey(owner, organization, "viewer");
        String coupon = json(call("POST", "/api/v1/coupons", admin, "{\"percent_off\":5}")).get("id").asString();
        String rate = json(call("POST", "/api/v1/tax-rates", admin, "{\"display_name\":\"GST\",\"percentage\":\"5\","
                + "\"inclusive\":true}")).get("id").asString();

        assertThat(call("GET", "/api/v1/coupons/" + coupon, viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/tax-rates/" + rate, viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/coupons", viewer, "{\"percent_off\":5}").statusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/api/v1/coupons/" + coupon, viewer, null).statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/tax-rates", viewer, "{\"display_name\":\"GST\",\"percentage\":\"5\","
                + "\"inclusive\":true}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/tax-rates/" + rate + "/archive", viewer, null).statusCode()).isEqualTo(403);

        Person stranger = signUp("Other shop owner");
        String other = apiKey(stranger, createOrganization(stranger, "Other shop", null).get("id").asString(),
                "admin");
        assertThat(call("GET", "/api/v1/coupons/" + coupon, other, null).statusCode()).isEqualTo(404);
        assertThat(call("DELETE", "/api/v1/coupons/" + coupon, other, null).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/tax-rates/" + rate, other, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/v1/tax-rates/" + rate + "/archive", other, null).statusCode()).isEqualTo(404);
        assertThat(json(call("GET", "/api/v1/coupons", other, null)).get("data")).isEmpty();
        assertThat(json(call("GET", "/api/v1/tax-rates", other, null)).get("data")).isEmpty();

        assertThat(json(call("GET", "/api/v1/coupons/" + coupon, admin, null)).get("status").asString())
                .isEqualTo("valid");
        assertThat(json(call("GET", "/api/v1/tax-rates/" + rate, admin, null)).get("status").asString())
                .isEqualTo("active");
    }

    @Test
    void statusColumnsTakeExactlyTheStatusesTheCodeKnows() {
        Person owner = signUp("Coupon statuses");
        String key = apiKey(owner, createOrganization(owner, "Coupon statuses", null).get("id").asString(), "admin");
        String coupon = json(call("POST", "/api/v1/coupons", key, "{\"percent_off\":5}")).get("id").asString();
        String rate = json(call("POST", "/api/v1/tax-rates", key, "{\"display_name\":\"T\",\"percentage\":\"1\","
                + "\"inclusive\":false}")).get("id").asString();
        for (CouponStatus status : CouponStatus.values()) {
            set("coupons", coupon, status.code());
        }
        for (TaxRateStatus status : TaxRateStatus.values()) {
            set("tax_rates", rate, status.code());
        }
        assertThatThrownBy(() -> set("coupons", coupon, "active")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> set("tax_rates", rate, "deleted"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private void set(String table, String id, String status) {
        jdbc.sql("update " + table + " set status = ? where id = ?").params(status, UUID.fromString(id)).update();
    }
}
