package dev.paydeck.billing;

import com.stripe.param.PriceCreateParams;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.WebhookEndpointCreateParams;
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

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The catalog through Paydeck's API, on an organization's own sandbox account seen with stripe-java: products and
 * prices made through Paydeck exist in Stripe (created with keys derived from Paydeck's ids), ones made in Stripe
 * reach Paydeck by webhook and by resync, an outage leaves a record for the janitor, which makes it once.
 */
class CatalogIntegrationTests extends IntegrationTest {

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
    void aProductAndItsPricesAreCreatedInStripeWithKeysDerivedFromPaydecksIds() throws Exception {
        StripeAccount account = organizationOnItsOwnSandboxAccount(signUp("Seller"), "Catalog shop");
        String key = account.apiKey();

        var created = call("POST", "/api/v1/products", key, "{\"name\":\"Pro plan\",\"description\":\"All of it\","
                + "\"metadata\":{\"sku\":\"PRO-1\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode product = json(created);
        String productId = product.get("id").asString();
        assertThat(product.get("status").asString()).isEqualTo("active");
        assertThat(product.get("metadata").has("paydeck_product_id")).isFalse();
        JsonNode monthly = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + productId + "\","
                + "\"unit_amount\":1500,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"},"
                + "\"lookup_key\":\"pro_monthly\"}"));
        JsonNode once = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + productId + "\","
                + "\"unit_amount\":500,\"currency\":\"eur\"}"));
        assertThat(monthly.get("unit_amount_formatted").asString()).isEqualTo("$15.00");
        assertThat(monthly.at("/recurring/interval").asString()).isEqualTo("month");
        assertThat(once.get("type").asString()).isEqualTo("one_time");

        var stripe = account.stripe();
        var inStripe = stripe.v1().products().retrieve(product.get("stripe_product_id").asString());
        assertThat(inStripe.getName()).isEqualTo("Pro plan");
        assertThat(inStripe.getMetadata()).containsEntry("paydeck_product_id", productId).containsEntry("sku",
                "PRO-1");
        var monthlyInStripe = stripe.v1().prices().retrieve(monthly.get("stripe_price_id").asString());
        assertThat(monthlyInStripe.getUnitAmount()).isEqualTo(1500L);
        assertThat(monthlyInStripe.getRecurring().getInterval()).isEqualTo("month");
        assertThat(monthlyInStripe.getLookupKey()).isEqualTo("pro_monthly");
        assertThat(monthlyInStripe.getProduct()).isEqualTo(inStripe.getId());
        assertThat(stripe.v1().prices().retrieve(once.get("stripe_price_id").asString()).getRecurring()).isNull();

        OrganizationId organization = OrganizationId.parse(account.organization()).orElseThrow();
        assertThat(calls.about(organization, "product", productId)).extracting(StripeCallLog.Call::idempotencyKey)
                .contains("paydeck-product-" + productId);
        assertThat(calls.about(organization, "price", monthly.get("id").asString()))
                .extracting(StripeCallLog.Call::idempotencyKey)
                .contains("paydeck-price-" + monthly.get("id").asString());

        var filtered = json(call("GET", "/api/v1/prices?type=recurring&product=" + productId, key, null));
        assertThat(filtered.get("data").valueStream().map(p -> p.get("id").asString()))
                .containsExactly(monthly.get("id").asString());

        // Tiered: the first 10 seats at 9.00, the rest at 7.00.
        var tiered = call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + productId + "\",\"currency\":\"usd\","
                + "\"recurring\":{\"interval\":\"month\"},\"tiers_mode\":\"graduated\",\"tiers\":[{\"up_to\":10,"
                + "\"unit_amount\":900},{\"unit_amount\":700,\"flat_amount\":100}]}");
        assertThat(tiered.statusCode()).as(tiered.body()).isEqualTo(201);
        assertThat(json(tiered).get("billing_scheme").asString()).isEqualTo("tiered");
        assertThat(json(tiered).at("/tiers/1/flat_amount").asLong()).isEqualTo(100);
        var tieredInStripe = stripe.v1().prices().retrieve(json(tiered).get("stripe_price_id").asString(),
                com.stripe.param.PriceRetrieveParams.builder().addExpand("tiers").build());
        assertThat(tieredInStripe.getTiersMode()).isEqualTo("graduated");
        assertThat(tieredInStripe.getTiers()).extracting(com.stripe.model.Price.Tier::getUnitAmount)
                .containsExactly(900L, 700L);
        assertThat(tieredInStripe.getTiers().get(0).getUpTo()).isEqualTo(10L);
        assertThat(tieredInStripe.getTiers().get(1).getUpTo()).isNull();
        assertThat(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + productId + "\",\"currency\":\"usd\","
                + "\"recurring\":{\"interval\":\"month\"},\"tiers_mode\":\"volume\",\"tiers\":[{\"up_to\":10,"
                + "\"unit_amount\":900},{\"up_to\":5,\"unit_amount\":700}]}").statusCode()).as("tiers out of order")
                .isEqualTo(400);
    }

    @Test
    void anAmountNeverChangesAndAProductWithPricesIsArchivedRatherThanDeleted() throws Exception {
        StripeAccount account = organizationOnItsOwnSandboxAccount(signUp("Changer"), "Changing prices");
        String key = account.apiKey();
        String productId = json(call("POST", "/api/v1/products", key, "{\"name\":\"Basic\"}")).get("id").asString();
        JsonNode old = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + productId + "\","
                + "\"unit_amount\":900,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"},"
                + "\"lookup_key\":\"basic\"}"));

        // As in Stripe: a new price takes the lookup key, the old one is archived.
        JsonNode replacement = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + productId + "\","
                + "\"unit_amount\":1200,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"},"
                + "\"lookup_key\":\"basic\",\"transfer_lookup_key\":true}"));
        var archived = call("POST", "/api/v1/prices/" + old.get("id").asString() + "/archive", key, null);
        assertThat(archived.statusCode()).isEqualTo(200);
        assertThat(json(archived).get("status").asString()).isEqualTo("archived");
        var stripe = account.stripe();
        assertThat(stripe.v1().prices().retrieve(old.get("stripe_price_id").asString()).getActive()).isFalse();
        assertThat(stripe.v1().prices().retrieve(replacement.get("stripe_price_id").asString()).getLookupKey())
                .isEqualTo("basic");
        assertThat(json(call("GET", "/api/v1/prices?active=true", key, null)).get("data").valueStream()
                .map(p -> p.get("unit_amount").asLong())).containsExactly(1200L);
        assertThat(call("PATCH", "/api/v1/prices/" + old.get("id").asString(), key, "{\"unit_amount\":1}")
                .statusCode()).as("no amount to change").isEqualTo(400);

        var deleted = call("DELETE", "/api/v1/products/" + productId, key, null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(json(deleted).get("archived").asBoolean()).isTrue();
        assertThat(json(deleted).get("deleted").asBoolean()).isFalse();
        assertThat(json(call("GET", "/api/v1/products/" + productId, key, null)).get("status").asString())
                .isEqualTo("archived");
        String stripeProduct = json(call("GET", "/api/v1/products/" + productId, key, null))
                .get("stripe_product_id").asString();
        assertThat(stripe.v1().products().retrieve(stripeProduct).getActive()).isFalse();
        var refused = call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + productId + "\","
                + "\"unit_amount\":100,\"currency\":\"usd\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        String bare = json(call("POST", "/api/v1/products", key, "{\"name\":\"No prices\"}")).get("id").asString();
        assertThat(json(call("DELETE", "/api/v1/products/" + bare, key, null)).get("deleted").asBoolean()).isTrue();
        assertThat(json(call("GET", "/api/v1/products", key, null)).get("data").valueStream()
                .map(p -> p.get("id").asString())).containsExactly(productId);
        assertThat(json(call("GET", "/api/v1/products?active=true", key, null)).get("data")).isEmpty();
    }

    @Test
    void productsAndPricesMadeInStripeReachPaydeckByWebhookAndByResync() throws Exception {
        Person owner = signUp("Importer");
        StripeAccount account = organizationOnItsOwnSandboxAccount(owner, "Made in Stripe");
        var stripe = account.stripe();
        // Made before Paydeck listens: only a resync brings it.
        var early = stripe.v1().products().create(ProductCreateParams.builder().setName("Before webhooks").build());
        stripe.v1().prices().create(PriceCreateParams.builder().setProduct(early.getId()).setCurrency("usd")
                .setUnitAmount(2500L).setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.YEAR).build()).build());
        stripe.v1().prices().create(PriceCreateParams.builder().setProduct(early.getId()).setCurrency("usd")
                .setBillingScheme(PriceCreateParams.BillingScheme.TIERED)
                .setTiersMode(PriceCreateParams.TiersMode.VOLUME)
                .addTier(PriceCreateParams.Tier.builder().setUpTo(100L).setUnitAmount(50L).build())
                .addTier(PriceCreateParams.Tier.builder().setUpTo(PriceCreateParams.Tier.UpTo.INF).setUnitAmount(40L)
                        .build())
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).build()).build());
        sendCatalogEventsToPaydeck(owner, account);

        var product = stripe.v1().products().create(ProductCreateParams.builder().setName("From the dashboard")
                .build());
        var price = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId())
                .setCurrency("eur").setUnitAmount(990L).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/prices?active=true",
                account.apiKey(), null)).get("data").valueStream()
                .anyMatch(p -> p.get("stripe_price_id").asString().equals(price.getId())));
        stripe.v1().prices().update(price.getId(), com.stripe.param.PriceUpdateParams.builder().setActive(false)
                .build());
        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/prices?active=false",
                account.apiKey(), null)).get("data").size() == 1);
        assertThat(json(call("GET", "/api/v1/products", account.apiKey(), null)).get("data").valueStream()
                .map(p -> p.get("name").asString())).containsExactly("From the dashboard");

        assertThat(call("POST", "/api/v1/resync", account.apiKey(), "{}").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/products", account.apiKey(),
                null)).get("data").size() == 2);
        JsonNode imported = json(call("GET", "/api/v1/prices?type=recurring", account.apiKey(), null)).get("data");
        assertThat(imported).hasSize(2);
        JsonNode yearly = imported.valueStream().filter(p -> p.get("billing_scheme").asString().equals("per_unit"))
                .findFirst().orElseThrow();
        assertThat(yearly.get("unit_amount").asLong()).isEqualTo(2500L);
        assertThat(yearly.at("/recurring/interval").asString()).isEqualTo("year");
        JsonNode volume = imported.valueStream().filter(p -> p.get("billing_scheme").asString().equals("tiered"))
                .findFirst().orElseThrow();
        assertThat(volume.get("tiers_mode").asString()).isEqualTo("volume");
        assertThat(volume.get("tiers").valueStream().map(t -> t.get("unit_amount").asLong())).containsExactly(50L, 40L);
        assertThat(volume.at("/tiers/1").has("up_to")).as("the last tier has no limit").isFalse();
    }

    @Test
    void theEndpointPaydeckRegistersCarriesTheCatalogsEvents() throws Exception {
        Person owner = signUp("Registered");
        String organization = createOrganization(owner, "Registered endpoint", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        var stripe = stripeClients.forOrganization(OrganizationId.parse(organization).orElseThrow());

        var product = stripe.v1().products().create(ProductCreateParams.builder().setName("Made beside Paydeck")
                .build());
        stripe.v1().prices().create(PriceCreateParams.builder().setProduct(product.getId()).setCurrency("usd")
                .setUnitAmount(700L).build());

        await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET", "/api/v1/prices", key, null))
                .get("data").size() == 1);
        assertThat(json(call("GET", "/api/v1/products", key, null)).at("/data/0/name").asString())
                .isEqualTo("Made beside Paydeck");
    }

    @Test
    void anOutageLeavesTheProductUnknownAndTheJanitorMakesItOnce() throws Exception {
        StripeAccount account = organizationOnItsOwnSandboxAccount(signUp("Outage"), "Stripe down");
        account.fault("unavailable");
        var failed = call("POST", "/api/v1/products", account.apiKey(), "{\"name\":\"Stuck\"}");
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        String id = json(failed).get("product_id").asString();
        JsonNode stuck = json(call("GET", "/api/v1/products/" + id, account.apiKey(), null));
        assertThat(stuck.get("status").asString()).isEqualTo("unknown");
        assertThat(stuck.has("stripe_product_id")).isFalse();
        account.fault("none");

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            janitor.run();
            return "active".equals(json(call("GET", "/api/v1/products/" + id, account.apiKey(), null))
                    .get("status").asString());
        });
        assertThat(account.stripe().v1().products().list().getData()).hasSize(1)
                .allSatisfy(p -> assertThat(p.getMetadata()).containsEntry("paydeck_product_id", id));
        assertThat(calls.about(OrganizationId.parse(account.organization()).orElseThrow(), "product", id))
                .extracting(StripeCallLog.Call::idempotencyKey).containsOnly("paydeck-product-" + id);
    }

    @Test
    void aPriceWhoseCreateGotNoAnswerIsMadeOnceByTheJanitor() throws Exception {
        StripeAccount account = organizationOnItsOwnSandboxAccount(signUp("Price outage"), "Prices down");
        String productId = json(call("POST", "/api/v1/products", account.apiKey(), "{\"name\":\"Up\"}")).get("id")
                .asString();
        account.fault("unavailable");
        var failed = call("POST", "/api/v1/prices", account.apiKey(), "{\"product_id\":\"" + productId + "\","
                + "\"unit_amount\":4200,\"currency\":\"usd\",\"recurring\":{\"interval\":\"year\"}}");
        assertThat(failed.statusCode()).isEqualTo(503);
        String id = json(failed).get("price_id").asString();
        assertThat(json(call("GET", "/api/v1/prices/" + id, account.apiKey(), null)).get("status").asString())
                .isEqualTo("unknown");
        account.fault("none");

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            janitor.run();
            return "active".equals(json(call("GET", "/api/v1/prices/" + id, account.apiKey(), null))
                    .get("status").asString());
        });
        var prices = account.stripe().v1().prices().list().getData();
        assertThat(prices).hasSize(1);
        assertThat(prices.get(0).getUnitAmount()).isEqualTo(4200L);
        assertThat(prices.get(0).getMetadata()).containsEntry("paydeck_price_id", id);
    }

    @Test
    void everyChangeMadeThroughPaydeckIsInTheAuditLog() throws Exception {
        Person owner = signUp("Audited seller");
        String key = apiKey(owner, createOrganization(owner, "Audited catalog", null).get("id").asString(), "admin");
        String productId = json(call("POST", "/api/v1/products", key, "{\"name\":\"Before\"}")).get("id")
                .asString();
        var renamed = call("PATCH", "/api/v1/products/" + productId, key, "{\"name\":\"After\"}");
        assertThat(json(renamed).get("name").asString()).isEqualTo("After");
        String priceId = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + productId + "\","
                + "\"unit_amount\":2000,\"currency\":\"usd\"}")).get("id").asString();
        call("PATCH", "/api/v1/prices/" + priceId, key, "{\"nickname\":\"Launch price\"}");
        call("POST", "/api/v1/prices/" + priceId + "/archive", key, null);
        call("POST", "/api/v1/products/" + productId + "/archive", key, null);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(json(call("GET",
                "/api/v1/audit-log?limit=100", owner.token(), null)).get("data").valueStream()
                .filter(line -> line.get("object_id").asString().equals(productId)
                        || line.get("object_id").asString().equals(priceId))
                .map(line -> line.get("action").asString() + (line.has("detail") ? " " + line.get("detail").asString()
                        : "")))
                .containsExactlyInAnyOrder("product.created", "product.updated", "price.created $20.00",
                        "price.updated $20.00", "price.archived $20.00", "product.archived"));
    }

    @Test
    void badInputIsRefusedWithAProblem() {
        Person owner = signUp("Careless");
        String key = apiKey(owner, createOrganization(owner, "Careless", null).get("id").asString(), "admin");
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Fine\"}")).get("id").asString();

        for (String body : List.of("{}", "{\"name\":\"  \"}", "{\"name\":\"" + "x".repeat(300) + "\"}")) {
            var response = call("POST", "/api/v1/products", key, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        var badPrice = call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":-5,"
                + "\"currency\":\"dollars\",\"recurring\":{\"interval\":\"fortnight\"}}");
        assertThat(badPrice.statusCode()).isEqualTo(400);
        assertThat(json(badPrice).get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("unit_amount", "currency", "recurring.interval");
        assertThat(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":100,"
                + "\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\",\"interval_count\":37}}").statusCode())
                .isEqualTo(400);
        assertThat(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + UUID.randomUUID() + "\","
                + "\"unit_amount\":100,\"currency\":\"usd\"}").statusCode()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/prices?type=weekly", key, null).statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/v1/products/not-a-uuid", key, null).statusCode()).isEqualTo(400);
        assertThat(json(call("GET", "/api/v1/products", key, null)).get("data")).hasSize(1);
    }

    @Test
    void viewersMayReadButNotWrite() {
        Person owner = signUp("Viewer's owner");
        String organization = createOrganization(owner, "Viewed", null).get("id").asString();
        String admin = apiKey(owner, organization, "admin");
        String viewer = apiKey(owner, organization, "viewer");
        String product = json(call("POST", "/api/v1/products", admin, "{\"name\":\"Look only\"}")).get("id")
                .asString();

        assertThat(call("GET", "/api/v1/products/" + product, viewer, null).statusCode()).isEqualTo(200);
        assertThat(call("POST", "/api/v1/products", viewer, "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/products/" + product + "/archive", viewer, null).statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/v1/prices", viewer, "{\"product_id\":\"" + product + "\",\"unit_amount\":100,"
                + "\"currency\":\"usd\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void statusColumnsTakeExactlyTheStatusesTheCodeKnows() {
        Person owner = signUp("Statuses");
        String key = apiKey(owner, createOrganization(owner, "Catalog statuses", null).get("id").asString(), "admin");
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"S\"}")).get("id").asString();
        String price = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\","
                + "\"unit_amount\":100,\"currency\":\"usd\"}")).get("id").asString();

        for (ProductStatus status : ProductStatus.values()) {
            set("products", product, status.code());
        }
        for (PriceStatus status : PriceStatus.values()) {
            set("prices", price, status.code());
        }
        assertThatThrownBy(() -> set("products", product, "paid")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> set("prices", price, "deleted")).isInstanceOf(DataIntegrityViolationException.class);
    }

    private void set(String table, String id, String status) {
        jdbc.sql("update " + table + " set status = ? where id = ?").params(status, UUID.fromString(id)).update();
    }

    /** An endpoint of the account for the catalog's events, as Paydeck registers one (with its signing secret). */
    private void sendCatalogEventsToPaydeck(Person owner, StripeAccount account) throws Exception {
        var events = List.of(WebhookEndpointCreateParams.EnabledEvent.PRODUCT__CREATED,
                WebhookEndpointCreateParams.EnabledEvent.PRODUCT__UPDATED,
                WebhookEndpointCreateParams.EnabledEvent.PRODUCT__DELETED,
                WebhookEndpointCreateParams.EnabledEvent.PRICE__CREATED,
                WebhookEndpointCreateParams.EnabledEvent.PRICE__UPDATED,
                WebhookEndpointCreateParams.EnabledEvent.PRICE__DELETED);
        var endpoint = account.stripe().v1().webhookEndpoints().create(WebhookEndpointCreateParams.builder()
                .setUrl(url("/webhooks/stripe/" + account.organization())).addAllEnabledEvent(events).build());
        assertThat(call("PUT", "/api/v1/organizations/" + account.organization() + "/stripe-keys", owner.token(),
                "{\"publishable_key\":\"" + account.publishableKey() + "\",\"secret_key\":\"" + account.secret()
                        + "\",\"webhook_secret\":\"" + endpoint.getSecret() + "\"}").statusCode()).isEqualTo(200);
    }
}
