package dev.paydeck.billing;

import com.microsoft.playwright.Page;
import com.stripe.StripeClient;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.SubscriptionCreateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff change one item of a subscription of several on the change page: they must choose the item (a message at
 * the field otherwise), and only that item moves; the page says so in French too.
 */
class SubscriptionItemChangeBrowserTests extends BrowserTest {

    @Autowired
    StripeClients stripeClients;

    @Test
    void staffChooseWhichItemOfSeveralChanges() throws Exception {
        Person owner = signUp("Item changer");
        String organization = createOrganization(owner, "Several Items Co", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        StripeClient stripe = stripeClients.forOrganization(OrganizationId.parse(organization).orElseThrow());
        String seats = price(key, product(key, "Seats"), 500);
        String storageProduct = product(key, "Storage");
        String storage = price(key, storageProduct, 1000);
        String biggerStorage = price(key, storageProduct, 3000);
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"items-" + UUID.randomUUID()
                + "@example.com\"}")).get("id").asString();
        String stripeCustomer = json(call("GET", "/api/v1/customers/" + customer, key, null))
                .get("stripe_customer_id").asString();
        var card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(stripeCustomer).build());
        stripe.v1().customers().update(stripeCustomer, CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
        stripe.v1().subscriptions().create(SubscriptionCreateParams.builder().setCustomer(stripeCustomer)
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(stripePrice(key, seats)).setQuantity(3L)
                        .build())
                .addItem(SubscriptionCreateParams.Item.builder().setPrice(stripePrice(key, storage)).build())
                .build());
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET",
                        "/api/v1/subscriptions?customer_id=" + customer, key, null)).get("data"),
                data -> data.size() == 1 && data.get(0).get("items").size() == 2).get(0).get("id").asString();

        signIn(owner);
        page.navigate("/app/organizations/" + organization + "/subscriptions/" + id);
        page.getByTestId("change-plan").click();
        page.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).selectOption(biggerStorage);
        page.getByLabel("Quantity").fill("1");
        page.getByTestId("preview-change").click();
        assertThat(page.locator("#item-error")).hasText("This subscription has several items: choose the one that "
                + "changes.");
        assertThat(page.getByLabel("Item that changes")).hasAttribute("aria-describedby", "item-error");
        assertThat(page.getByTestId("preview")).hasCount(0);

        page.getByLabel("Item that changes").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("1 × Storage"));
        page.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).selectOption(biggerStorage);
        page.getByLabel("Invoiced and charged now").check();
        page.getByTestId("preview-change").click();
        assertThat(page.getByTestId("preview")).containsText("Remaining time on");
        page.getByTestId("confirm-change").click();
        assertThat(page.getByTestId("saved")).hasText("The plan is changed, billed as previewed.");
        assertThat(page.getByTestId("item")).hasCount(2);
        assertThat(page.getByTestId("items")).containsText("3 × Seats");
        assertThat(page.getByTestId("amount")).hasText("$45.00");
        var after = json(call("GET", "/api/v1/subscriptions/" + id, key, null));
        org.assertj.core.api.Assertions.assertThat(after.get("items").valueStream()
                .map(item -> item.get("price_id").asString())).containsExactlyInAnyOrder(seats, biggerStorage);

        page.setExtraHTTPHeaders(Map.of("Accept-Language", "fr"));
        page.navigate("/app/organizations/" + organization + "/subscriptions/" + id + "/change");
        assertThat(page.locator("label[for=item]")).hasText("Élément qui change");
    }

    private String product(String key, String name) {
        return json(call("POST", "/api/v1/products", key, "{\"name\":\"" + name + "\"}")).get("id").asString();
    }

    private String price(String key, String product, long amount) {
        return json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":"
                + amount + ",\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}")).get("id").asString();
    }

    private String stripePrice(String key, String price) {
        return json(call("GET", "/api/v1/prices/" + price, key, null)).get("stripe_price_id").asString();
    }
}
