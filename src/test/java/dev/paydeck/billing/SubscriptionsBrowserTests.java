package dev.paydeck.billing;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.stripe.StripeClient;
import com.stripe.model.PaymentMethod;
import com.stripe.model.testhelpers.TestClock;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.testhelpers.TestClockAdvanceParams;
import com.stripe.param.testhelpers.TestClockCreateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Subscriptions in a browser: staff subscribe a customer (the messages at the fields first), change the plan after
 * seeing Stripe's preview (and are charged what it showed), cancel at the period's end, resume, cancel now; a failed
 * renewal shows on the dashboard; a viewer sees no write button and is refused a forged write; the pages in Spanish
 * and French.
 */
class SubscriptionsBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @Autowired
    StripeClients stripeClients;

    private record Shop(Person owner, String organization, String key, StripeClient stripe, String basic,
                        String premium) {
    }

    private Shop shop(String name) {
        Person owner = signUp(name + " owner");
        String organization = createOrganization(owner, name, null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Team plan\"}")).get("id").asString();
        String basic = price(key, product, 1000);
        String premium = price(key, product, 2000);
        return new Shop(owner, organization, key, stripeClients.forOrganization(OrganizationId.parse(organization)
                .orElseThrow()), basic, premium);
    }

    private String price(String key, String product, long amount) {
        return json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":"
                + amount + ",\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}")).get("id").asString();
    }

    private static void defaultCard(StripeClient stripe, String customer, String token) throws Exception {
        PaymentMethod card = stripe.v1().paymentMethods().attach(token, PaymentMethodAttachParams.builder()
                .setCustomer(customer).build());
        stripe.v1().customers().update(customer, CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
    }

    @Test
    void staffSubscribeACustomerChangeThePlanAfterItsPreviewThenCancel() throws Exception {
        Shop shop = shop("Hopper Subscriptions");
        var customer = json(call("POST", "/api/v1/customers", shop.key(), "{\"name\":\"Grace Hopper\","
                + "\"email\":\"grace@example.com\"}"));
        defaultCard(shop.stripe(), customer.get("stripe_customer_id").asString(), "pm_card_visa");
        signIn(shop.owner());
        page.navigate("/app/organizations/" + shop.organization());
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Subscriptions").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Subscriptions");
        assertThat(page.getByTestId("subscriptions-empty")).containsText("No subscriptions yet.");

        page.getByTestId("new-subscription").click();
        page.getByLabel("Quantity").fill("0");
        page.getByTestId("create-subscription").click();
        assertThat(page.locator("#customerId-error")).hasText("Choose the customer.");
        assertThat(page.locator("#priceId-error")).hasText("Choose a price.");
        assertThat(page.locator("#quantity-error")).hasText("Type a quantity of at least 1.");
        assertThat(page.locator("#customerId")).hasAttribute("aria-describedby", "customerId-error");
        page.getByLabel("Customer", new Page.GetByLabelOptions().setExact(true)).selectOption(customer.get("id").asString());
        page.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).selectOption(shop.basic());
        page.getByLabel("Quantity").fill("2");
        page.getByTestId("create-subscription").click();

        assertThat(page.getByTestId("saved")).hasText("The subscription is created, in Paydeck and in Stripe.");
        assertThat(page.getByTestId("subscription-status")).hasText("active");
        assertThat(page.getByTestId("item")).containsText("2 × Team plan");
        assertThat(page.getByTestId("amount")).hasText("$20.00");
        assertThat(page.getByTestId("period")).containsText("Grace Hopper");
        assertThat(page.getByTestId("resume")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("subscription.png"))
                .setFullPage(true));

        page.getByTestId("change-plan").click();
        page.getByLabel("Price", new Page.GetByLabelOptions().setExact(true)).selectOption(shop.premium());
        page.getByLabel("Invoiced and charged now").check();
        page.getByTestId("preview-change").click();
        assertThat(page.getByTestId("preview")).containsText("What is charged now");
        assertThat(page.locator("[data-testid=preview-line][data-proration=true]")).hasCount(2);
        assertThat(page.getByTestId("preview")).containsText("Unused time on");
        assertThat(page.getByTestId("preview")).containsText("Remaining time on");
        String previewed = page.getByTestId("preview-amount-due").innerText();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("subscription-change.png"))
                .setFullPage(true));
        page.getByTestId("confirm-change").click();

        assertThat(page.getByTestId("saved")).hasText("The plan is changed, billed as previewed.");
        assertThat(page.getByTestId("amount")).hasText("$40.00");
        String invoice = page.locator("[data-field=latest-invoice]").innerText();
        var charged = shop.stripe().v1().invoices().retrieve(invoice);
        org.assertj.core.api.Assertions.assertThat(charged.getBillingReason()).isEqualTo("subscription_update");
        org.assertj.core.api.Assertions.assertThat(charged.getStatus()).isEqualTo("paid");
        org.assertj.core.api.Assertions.assertThat(Money.of(charged.getAmountPaid(), "usd").format())
                .as("charged what the preview showed").isEqualTo(previewed);

        page.getByTestId("cancel-at-period-end").click();
        assertThat(page.getByTestId("saved")).containsText("ends with its current period");
        assertThat(page.locator("[data-field=next-renewal]")).hasText("Ends with its period");
        page.getByTestId("resume").click();
        assertThat(page.getByTestId("saved")).hasText("The subscription renews again.");
        assertThat(page.getByTestId("resume")).hasCount(0);
        page.getByTestId("cancel-now").click();
        assertThat(page.getByTestId("saved")).hasText("The subscription is canceled.");
        assertThat(page.getByTestId("subscription-status")).hasText("canceled");
        assertThat(page.getByTestId("subscription-actions")).hasCount(0);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Subscriptions")).click();
        String second = json(call("POST", "/api/v1/subscriptions", shop.key(), "{\"customer_id\":\""
                + customer.get("id").asString() + "\",\"price_id\":\"" + shop.basic() + "\",\"trial_period_days\":14}"))
                .get("id").asString();
        page.reload();
        assertThat(page.getByTestId("subscription")).hasCount(2);
        page.getByLabel("Status").selectOption("trialing");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter")).click();
        assertThat(page.getByTestId("subscription")).hasCount(1);
        assertThat(page.getByTestId("subscription")).hasAttribute("data-id", second);
        assertThat(page.getByTestId("subscription")).containsText("Grace Hopper");
        String export = page.getByTestId("export-subscriptions").getAttribute("href");
        org.assertj.core.api.Assertions.assertThat(export).contains("status=trialing");
        APIResponse csv = page.request().get(url(export));
        org.assertj.core.api.Assertions.assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        org.assertj.core.api.Assertions.assertThat(csv.text().lines().skip(1).toList()).singleElement()
                .satisfies(row -> org.assertj.core.api.Assertions.assertThat(row).startsWith(second + ",")
                        .contains(",trialing,", "grace@example.com"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clear the filters")).click();
        assertThat(page.getByTestId("subscription")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("subscriptions.png")));
    }

    @Test
    void aRenewalTheCardDeclinesPutsThePastDueSubscriptionOnTheDashboard() throws Exception {
        Shop shop = shop("Declined renewals");
        TestClock clock = shop.stripe().v1().testHelpers().testClocks().create(TestClockCreateParams.builder()
                .setFrozenTime(1_735_689_600L).build());
        var stripeCustomer = shop.stripe().v1().customers().create(CustomerCreateParams.builder()
                .setName("Ada Declined").setEmail("ada-" + UUID.randomUUID() + "@example.com")
                .setTestClock(clock.getId()).build());
        defaultCard(shop.stripe(), stripeCustomer.getId(), "pm_card_visa");
        String customer = await().atMost(Duration.ofSeconds(20)).until(() -> json(call("GET",
                        "/api/v1/customers?limit=100", shop.key(), null)).get("data").valueStream()
                .filter(c -> stripeCustomer.getId().equals(c.path("stripe_customer_id").asString(null)))
                .map(c -> c.get("id").asString()).findFirst().orElse(null), java.util.Objects::nonNull);
        String id = json(call("POST", "/api/v1/subscriptions", shop.key(), "{\"customer_id\":\"" + customer
                + "\",\"price_id\":\"" + shop.basic() + "\"}")).get("id").asString();
        signIn(shop.owner());
        page.navigate("/app/organizations/" + shop.organization());
        assertThat(page.getByTestId("subscriptions-attention")).containsText("No subscription is past due");

        defaultCard(shop.stripe(), stripeCustomer.getId(), "pm_card_chargeCustomerFail");
        shop.stripe().v1().testHelpers().testClocks().advance(clock.getId(), TestClockAdvanceParams.builder()
                .setFrozenTime(1_735_689_600L + 32 * 86_400L).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> "past_due".equals(json(call("GET",
                "/api/v1/subscriptions/" + id, shop.key(), null)).get("status").asString()));

        page.reload();
        assertThat(page.getByTestId("subscriptions-attention-count")).hasAttribute("data-count", "1");
        Locator waiting = page.getByTestId("attention-subscription");
        assertThat(waiting).hasCount(1);
        assertThat(waiting).hasAttribute("data-status", "past_due");
        assertThat(waiting).containsText("Ada Declined");
        assertThat(waiting).containsText("$10.00");
        waiting.getByRole(AriaRole.LINK).click();
        assertThat(page.getByTestId("subscription-status")).hasText("past due");
        assertThat(page.getByTestId("attention")).containsText("Its last invoice is not paid");
    }

    @Test
    void aViewerSeesNoWriteButtonAndIsRefusedAForgedWrite() {
        Shop shop = shop("Viewed subscriptions");
        Person viewer = signUp("Subscription viewer");
        String customer = json(call("POST", "/api/v1/customers", shop.key(), "{\"email\":\"viewed@example.com\"}"))
                .get("id").asString();
        String id = json(call("POST", "/api/v1/subscriptions", shop.key(), "{\"customer_id\":\"" + customer
                + "\",\"price_id\":\"" + shop.basic() + "\",\"collection_method\":\"send_invoice\"}"))
                .get("id").asString();
        call("POST", "/api/v1/organizations/" + shop.organization() + "/members", shop.owner().token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");

        signIn(viewer);
        page.navigate("/app/organizations/" + shop.organization() + "/subscriptions");
        assertThat(page.getByTestId("subscription")).hasCount(1);
        assertThat(page.getByTestId("new-subscription")).hasCount(0);
        page.getByTestId("subscription").getByRole(AriaRole.LINK).click();
        assertThat(page.getByTestId("subscription-status")).hasText("active");
        assertThat(page.getByTestId("subscription-actions")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/app/organizations/" + shop.organization()
                + "/subscriptions/new").status()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/app/organizations/" + shop.organization()
                + "/subscriptions/" + id + "/change").status()).isEqualTo(403);

        page.navigate("/app/organizations/" + shop.organization() + "/subscriptions/" + id);
        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        String base = "/app/organizations/" + shop.organization() + "/subscriptions";
        for (APIResponse forged : new APIResponse[] {
                page.request().post(url(base + "/new"), RequestOptions.create().setMaxRedirects(0)
                        .setForm(FormData.create().set("customerId", customer).set("priceId", shop.basic())
                                .set("quantity", "1").set("collectionMethod", "send_invoice")
                                .set("idempotencyKey", UUID.randomUUID().toString()).set("_csrf", csrf))),
                page.request().post(url(base + "/" + id + "/cancel"), RequestOptions.create().setMaxRedirects(0)
                        .setForm(FormData.create().set("when", "now").set("_csrf", csrf))),
                page.request().post(url(base + "/" + id + "/change"), RequestOptions.create().setMaxRedirects(0)
                        .setForm(FormData.create().set("priceId", shop.premium()).set("quantity", "1")
                                .set("prorationBehavior", "none").set("_csrf", csrf)))}) {
            org.assertj.core.api.Assertions.assertThat(forged.status()).isEqualTo(403);
        }
        page.reload();
        assertThat(page.getByTestId("subscription-status")).hasText("active");
        org.assertj.core.api.Assertions.assertThat(json(call("GET", "/api/v1/subscriptions", shop.key(), null))
                .get("data").size()).isEqualTo(1);
    }

    @Test
    void theSubscriptionPagesSpeakSpanishAndFrench() {
        Shop shop = shop("Idiomas y suscripciones");
        String customer = json(call("POST", "/api/v1/customers", shop.key(), "{\"name\":\"Lucía\","
                + "\"email\":\"lucia@example.com\"}")).get("id").asString();
        String id = json(call("POST", "/api/v1/subscriptions", shop.key(), "{\"customer_id\":\"" + customer
                + "\",\"price_id\":\"" + shop.basic() + "\",\"trial_period_days\":7,"
                + "\"collection_method\":\"send_invoice\"}")).get("id").asString();
        for (String[] language : new String[][] {
                {"es-ES", "Suscripciones", "Nueva suscripción", "en prueba", "Cancelar al final del periodo",
                        "Fin de la prueba"},
                {"fr-FR", "Abonnements", "Nouvel abonnement", "en essai", "Annuler en fin de période",
                        "Fin de l’essai"}}) {
            try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                    .setBaseURL(url("")).setLocale(language[0]))) {
                Page tab = context.newPage();
                signIn(tab, shop.owner());
                tab.navigate("/app/organizations/" + shop.organization() + "/subscriptions");
                assertThat(tab.locator("h1")).hasText(language[1]);
                assertThat(tab.getByTestId("new-subscription")).hasText(language[2]);
                assertThat(tab.getByTestId("subscription-status")).hasText(language[3]);
                assertThat(tab.getByTestId("subscription")).containsText("10,00");
                tab.navigate("/app/organizations/" + shop.organization() + "/subscriptions/" + id);
                assertThat(tab.getByTestId("cancel-at-period-end")).hasText(language[4]);
                assertThat(tab.getByTestId("period")).containsText(language[5]);
            }
        }
    }
}
