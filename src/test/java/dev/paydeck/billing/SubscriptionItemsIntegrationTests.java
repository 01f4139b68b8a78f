package dev.paydeck.billing;

import com.stripe.StripeClient;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SubscriptionCreateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A staff plan change on a subscription of several items names the item that moves, by its Stripe id or by the
 * price it has now; naming none is a 400 at the field, and the other items stay as they were.
 */
class SubscriptionItemsIntegrationTests extends IntegrationTest {

    @Autowired
    StripeClients stripeClients;

    private record Shop(String key, StripeClient stripe, String seats, String storage, String biggerStorage,
                        String subscription) {
    }

    /** A subscription made in Stripe with two items (seats and storage), known to Paydeck by webhook. */
    private Shop shop(String name) throws Exception {
        Person owner = signUp(name + " owner");
        String organization = createOrganization(owner, name, null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        StripeClient stripe = stripeClients.forOrganization(OrganizationId.parse(organization).orElseThrow());
        String seats = monthly(key, product(key, "Seats"), 500);
        String storageProduct = product(key, "Storage");
        String storage = monthly(key, storageProduct, 1000);
        String biggerStorage = monthly(key, storageProduct, 3000);
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"items-" + UUID.randomUUID()
                + "@example.com\"}")).get("id").asString();
        String stripeCustomer = json(call("GET", "/api/v1/customers/" + customer, key, null))
                .get("stripe_customer_id").asString();
        var card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(stripeCustomer).build());
        stripe.v1().customers().update(stripeCustomer, CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
        var made = stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(stripeCustomer)
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(stripePrice(key, seats)).setQuantity(3L)
                        .build())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(stripePrice(key, storage)).build())
                .build());
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET",
                        "/api/v1/subscriptions?customer_id=" + customer, key, null)).get("data"),
                data -> data.size() == 1 && data.get(0).get("items").size() == 2).get(0).get("id").asString();
        assertThat(subscription(key, id).get("stripe_subscription_id").asString()).isEqualTo(made.getId());
        return new Shop(key, stripe, seats, storage, biggerStorage, id);
    }

    private String product(String key, String name) {
        return json(call("POST", "/api/v1/products", key, "{\"name\":\"" + name + "\"}")).get("id").asString();
    }

    private String monthly(String key, String product, long amount) {
        return json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":"
                + amount + ",\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}")).get("id").asString();
    }

    private String stripePrice(String key, String price) {
        return json(call("GET", "/api/v1/prices/" + price, key, null)).get("stripe_price_id").asString();
    }

    private JsonNode subscription(String key, String id) {
        return json(call("GET", "/api/v1/subscriptions/" + id, key, null));
    }

    private static JsonNode item(JsonNode subscription, String price) {
        return subscription.get("items").valueStream().filter(item -> price.equals(item.path("price_id")
                .asString(null))).findFirst().orElseThrow();
    }

    @Test
    void withSeveralItemsAChangeMustSayWhichItemMoves() throws Exception {
        Shop shop = shop("Several items");
        for (String operation : new String[]{"preview-change", "change"}) {
            var unnamed = call("POST", "/api/v1/subscriptions/" + shop.subscription() + "/" + operation, shop.key(),
                    "{\"price_id\":\"" + shop.biggerStorage() + "\"}");
            assertThat(unnamed.statusCode()).as(unnamed.body()).isEqualTo(400);
            assertThat(unnamed.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(json(unnamed).at("/errors/0/field").asString()).isEqualTo("item_id");
            assertThat(json(unnamed).at("/errors/0/message").asString()).contains("2 items");
        }
        var unknown = call("POST", "/api/v1/subscriptions/" + shop.subscription() + "/preview-change", shop.key(),
                "{\"price_id\":\"" + shop.biggerStorage() + "\",\"item_id\":\"si_nothere\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown).at("/errors/0/field").asString()).isEqualTo("item_id");
        var notThere = call("POST", "/api/v1/subscriptions/" + shop.subscription() + "/preview-change", shop.key(),
                "{\"price_id\":\"" + shop.biggerStorage() + "\",\"replaces_price_id\":\"" + shop.biggerStorage()
                        + "\"}");
        assertThat(notThere.statusCode()).isEqualTo(400);
        assertThat(json(notThere).at("/errors/0/field").asString()).isEqualTo("replaces_price_id");

        // Named by the price it has now: the storage item moves, seats stay.
        var previewed = call("POST", "/api/v1/subscriptions/" + shop.subscription() + "/preview-change", shop.key(),
                "{\"price_id\":\"" + shop.biggerStorage() + "\",\"replaces_price_id\":\"" + shop.storage()
                        + "\",\"proration_behavior\":\"always_invoice\"}");
        assertThat(previewed.statusCode()).as(previewed.body()).isEqualTo(200);
        JsonNode preview = json(previewed);
        assertThat(preview.get("amount_due").asLong()).as("about a month of 30 less 10").isBetween(1900L, 2000L);
        var changed = call("POST", "/api/v1/subscriptions/" + shop.subscription() + "/change", shop.key(),
                "{\"price_id\":\"" + shop.biggerStorage() + "\",\"replaces_price_id\":\"" + shop.storage()
                        + "\",\"proration_behavior\":\"always_invoice\",\"proration_date\":"
                        + preview.get("proration_date").asLong() + "}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode after = json(changed);
        assertThat(after.get("items")).hasSize(2);
        assertThat(item(after, shop.biggerStorage()).get("quantity").asLong()).isEqualTo(1);
        assertThat(item(after, shop.seats()).get("quantity").asLong()).isEqualTo(3);
        assertThat(after.get("amount_per_period").asLong()).isEqualTo(3 * 500 + 3000);
        var charged = shop.stripe().v1().invoices().retrieve(after.get("latest_invoice").asString());
        assertThat(charged.getAmountPaid()).as("what the preview showed").isEqualTo(preview.get("amount_due")
                .asLong());

        // Named by its Stripe id: the seats item takes a new quantity; storage stays.
        String seatsItem = item(after, shop.seats()).get("stripe_item_id").asString();
        var seats = call("POST", "/api/v1/subscriptions/" + shop.subscription() + "/change", shop.key(),
                "{\"quantity\":5,\"item_id\":\"" + seatsItem + "\",\"proration_behavior\":\"none\"}");
        assertThat(seats.statusCode()).as(seats.body()).isEqualTo(200);
        assertThat(item(json(seats), shop.seats()).get("quantity").asLong()).isEqualTo(5);
        assertThat(item(json(seats), shop.biggerStorage()).get("quantity").asLong()).isEqualTo(1);
        var inStripe = shop.stripe().v1().subscriptions().retrieve(json(seats).get("stripe_subscription_id")
                .asString());
        assertThat(inStripe.getItems().getData()).hasSize(2);

        var both = call("POST", "/api/v1/subscriptions/" + shop.subscription() + "/change", shop.key(),
                "{\"quantity\":6,\"item_id\":\"" + seatsItem + "\",\"replaces_price_id\":\"" + shop.seats() + "\"}");
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(item(subscription(shop.key(), shop.subscription()), shop.seats()).get("quantity").asLong())
                .as("nothing changed").isEqualTo(5);
    }
}
