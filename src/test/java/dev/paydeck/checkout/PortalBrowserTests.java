package dev.paydeck.checkout;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer portal in a browser, as the customer uses it from the link the business made: saving cards with the
 * Payment Element (the first becomes the default), choosing another default, removing one; in Spanish too; and a link
 * that cannot reach another customer's card.
 */
class PortalBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    private record Shop(Person owner, String organization, String key, String customer, String email) {
    }

    private Shop shop(String name) {
        Person owner = signUp(name + " owner");
        String organization = createOrganization(owner, name, null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String email = "portal-" + UUID.randomUUID() + "@example.com";
        var customer = call("POST", "/api/v1/customers", key, "{\"email\":\"" + email
                + "\",\"name\":\"Grace Portal\"}");
        return new Shop(owner, organization, key, json(customer).get("id").asString(), email);
    }

    private String link(Shop shop) {
        var made = call("POST", "/api/v1/customers/" + shop.customer() + "/portal-links", shop.key(),
                "{\"return_url\":\"https://shop.example.com/account\"}");
        assertThat(made.statusCode()).isEqualTo(201);
        return json(made).get("url").asString();
    }

    private void addCard(String number) {
        page.locator("#add-card").click();
        assertThat(page.locator("#submit")).isEnabled();
        dev.paydeck.support.PaymentElement.fillCard(page, number);
        page.locator("#submit").click();
        assertThat(page.locator("#portal-done")).hasText("Your card was saved.");
    }

    @Test
    void aCustomerSavesCardsChoosesTheDefaultAndRemovesOne() {
        Shop shop = shop("Portal Shop");
        page.navigate(link(shop));
        assertThat(page.locator("h1")).hasText("Your account");
        assertThat(page.locator("#no-cards")).isVisible();
        assertThat(page.locator("#portal-return")).hasAttribute("href", "https://shop.example.com/account");

        addCard("4242424242424242");
        assertThat(page.locator("#cards li")).hasCount(1);
        assertThat(page.locator("#cards li").first()).containsText("ending 4242");
        assertThat(page.locator("#cards li").first()).containsText("expires 12/2034");
        assertThat(page.locator("#cards li").first()).containsText("Default");

        addCard("5555555555554444");
        assertThat(page.locator("#cards li")).hasCount(2);
        assertThat(page.locator("#cards li").first()).containsText("ending 4242");
        var mastercard = page.locator("#cards li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("ending 4444"));
        assertThat(mastercard).not().containsText("Default");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("portal.png")).setFullPage(true));

        mastercard.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Make default")).click();
        assertThat(page.locator("#portal-done")).hasText("That card is now your default.");
        assertThat(page.locator("#cards li").first()).containsText("ending 4444");
        assertThat(page.locator("#cards li").first()).containsText("Default");

        page.locator("#cards li").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("ending 4242"))
                .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Remove"))
                .click();
        assertThat(page.locator("#portal-done")).hasText("The card was removed.");
        assertThat(page.locator("#cards li")).hasCount(1);
        assertThat(page.locator("#cards")).not().containsText("ending 4242");
    }

    @Test
    void aCustomerSeesTheirSubscriptionAndInvoicesCancelsAndPaysOne() {
        Shop shop = shop("Billing Portal Shop");
        String url = link(shop);
        page.navigate(url);
        assertThat(page.locator("#subscriptions")).hasCount(0);
        addCard("4242424242424242");
        String product = json(call("POST", "/api/v1/products", shop.key(), "{\"name\":\"Team plan\"}")).get("id")
                .asString();
        String price = json(call("POST", "/api/v1/prices", shop.key(), "{\"product_id\":\"" + product
                + "\",\"unit_amount\":2000,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}"))
                .get("id").asString();
        var subscribed = call("POST", "/api/v1/subscriptions", shop.key(), "{\"customer_id\":\"" + shop.customer()
                + "\",\"price_id\":\"" + price + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        var created = call("POST", "/api/v1/invoices", shop.key(), "{\"customer_id\":\"" + shop.customer() + "\","
                + "\"lines\":[{\"amount\":4500,\"currency\":\"usd\",\"description\":\"Workshop\"}],"
                + "\"collection_method\":\"send_invoice\",\"days_until_due\":14}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/invoices/" + json(created).get("id").asString() + "/finalize", shop.key(),
                null).statusCode()).isEqualTo(200);

        // The subscription's first invoice, paid with the card, reaches Paydeck by webhook.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> json(call("GET",
                "/api/v1/invoices?status=paid&customer_id=" + shop.customer(), shop.key(), null)).get("data").size(),
                paid -> paid == 1);
        page.navigate(url);
        assertThat(page.locator("#subscriptions li")).containsText("Team plan");
        assertThat(page.locator("#subscriptions li")).containsText("$20.00");
        assertThat(page.locator("#subscriptions li")).containsText("Renews on");
        var toPay = page.locator("#invoices li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("to pay"));
        assertThat(toPay).containsText("$45.00");
        assertThat(page.locator("#invoices li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("paid"))).containsText("$20.00");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("portal-billing.png"))
                .setFullPage(true));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel at the end of the period")).click();
        assertThat(page.locator("#portal-done")).containsText("ends at the end of the period");
        assertThat(page.locator("#subscriptions li")).containsText("Ends on");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep my subscription")).click();
        assertThat(page.locator("#portal-done")).hasText("Your subscription goes on.");
        assertThat(page.locator("#subscriptions li")).containsText("Renews on");

        toPay.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Pay"))
                .click();
        assertThat(page.locator("#submit")).isEnabled();
        dev.paydeck.support.PaymentElement.fillCard(page, "4242424242424242");
        page.locator("#submit").click();
        assertThat(page.getByTestId("invoice-status")).hasText("Paid");
        page.navigate(url);
        assertThat(page.locator("#invoices li").filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("to pay"))).hasCount(0);
    }

    @Test
    void aCustomerCannotCancelAnotherCustomersSubscription() {
        Shop first = shop("Guarded Portal Shop");
        page.navigate(link(first));
        addCard("4242424242424242");
        String product = json(call("POST", "/api/v1/products", first.key(), "{\"name\":\"Solo\"}")).get("id")
                .asString();
        String price = json(call("POST", "/api/v1/prices", first.key(), "{\"product_id\":\"" + product
                + "\",\"unit_amount\":900,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}"))
                .get("id").asString();
        String subscription = json(call("POST", "/api/v1/subscriptions", first.key(), "{\"customer_id\":\""
                + first.customer() + "\",\"price_id\":\"" + price + "\"}")).get("id").asString();
        var otherCustomer = call("POST", "/api/v1/customers", first.key(), "{\"email\":\"other-" + UUID.randomUUID()
                + "@example.com\"}");
        var otherLink = call("POST", "/api/v1/customers/" + json(otherCustomer).get("id").asString()
                + "/portal-links", first.key(), null);
        page.navigate(json(otherLink).get("url").asString());
        String token = page.url().substring(page.url().lastIndexOf('/') + 1);
        var answer = page.request().post(page.url().replace(token, token + "/subscriptions/" + subscription
                + "/cancel"), com.microsoft.playwright.options.RequestOptions.create().setForm(
                com.microsoft.playwright.options.FormData.create().set("_csrf",
                        page.locator("meta[name=csrf-token]").getAttribute("content"))).setMaxRedirects(0));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(json(call("GET", "/api/v1/subscriptions/" + subscription, first.key(), null))
                .get("cancel_at_period_end").asBoolean()).isFalse();
    }

    @Test
    void aDeclinedCardIsNotSavedAndTheCustomerIsTold() {
        Shop shop = shop("Declining Shop");
        page.navigate(link(shop));
        page.locator("#add-card").click();
        assertThat(page.locator("#submit")).isEnabled();
        dev.paydeck.support.PaymentElement.fillCard(page, "4000000000000002");
        page.locator("#submit").click();
        assertThat(page.locator("#payment-message")).hasText("Your card was declined.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to your account")).click();
        assertThat(page.locator("#no-cards")).isVisible();
    }

    @Test
    void aLinkReachesNoCardOfAnotherCustomer() {
        Shop first = shop("First Portal Shop");
        page.navigate(link(first));
        addCard("4242424242424242");
        String card = page.locator("#cards li").first().getAttribute("data-card");

        Shop second = shop("Second Portal Shop");
        page.navigate(link(second));
        assertThat(page.locator("#no-cards")).isVisible();
        // The second customer's portal, asked to remove the first customer's card (the form's own token and CSRF).
        String token = page.url().substring(page.url().lastIndexOf('/') + 1);
        var answer = page.request().post(page.url().replace(token, token + "/cards/" + card + "/remove"),
                com.microsoft.playwright.options.RequestOptions.create().setForm(
                        com.microsoft.playwright.options.FormData.create().set("_csrf",
                                page.locator("meta[name=csrf-token]").getAttribute("content")))
                        .setMaxRedirects(0));
        assertThat(answer.status()).isEqualTo(404);

        page.navigate(link(first));
        assertThat(page.locator("#cards li")).hasCount(1);
    }

    @Test
    void staffEmailTheCustomerALinkThatOpensTheirPortal() {
        Shop shop = shop("Mailing Portal Co");
        signIn(shop.owner());
        page.navigate("/app/organizations/" + shop.organization() + "/customers/" + shop.customer());
        page.locator("#send-portal-link").click();
        assertThat(page.getByTestId("saved")).containsText("was emailed to " + shop.email());

        String mail = MailPages.open(page, shop.email(), "Your account with Mailing Portal Co");
        assertThat(mail).contains("The link works for 7 days");
        page.navigate(MailPages.link(mail));
        assertThat(page.locator("h1")).hasText("Your account");
        assertThat(page.locator("#portal-customer")).containsText(shop.email());
    }

    @Test
    void thePortalSpeaksSpanish() {
        Shop shop = shop("Tienda Portal");
        page.setExtraHTTPHeaders(java.util.Map.of("Accept-Language", "es"));
        page.navigate(link(shop));
        assertThat(page.locator("h1")).hasText("Tu cuenta");
        assertThat(page.locator("#no-cards")).hasText("Aún no hay ninguna tarjeta guardada.");
    }
}
