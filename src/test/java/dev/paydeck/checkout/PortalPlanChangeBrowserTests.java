package dev.paydeck.checkout;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.Axe;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer changes their subscription's plan in the portal: the other plans the business offers (same currency,
 * recurring, active), Stripe's preview of what the change bills now (a charge up, a credit down), and a confirmation
 * that bills exactly that; nothing of another customer or another organization within reach.
 */
class PortalPlanChangeBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");
    private static final Pattern AMOUNT = Pattern.compile("\\$(\\d+)\\.(\\d\\d)");

    @Autowired
    StripeClients stripeClients;

    private record Shop(String organization, String key, String customer, String basic, String pro,
                        String subscription) {
    }

    /** A shop with Basic ($10) and Pro ($25) a month, a one-time price and a euro plan; its customer on Basic. */
    private Shop shop(String name) throws Exception {
        Person owner = signUp(name + " owner");
        String organization = createOrganization(owner, name, null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"plan-" + UUID.randomUUID()
                + "@example.com\",\"name\":\"Grace Planner\"}")).get("id").asString();
        String stripeCustomer = json(call("GET", "/api/v1/customers/" + customer, key, null))
                .get("stripe_customer_id").asString();
        var stripe = stripeClients.forOrganization(OrganizationId.parse(organization).orElseThrow());
        var card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(stripeCustomer).build());
        stripe.v1().customers().update(stripeCustomer, CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
        String basic = price(key, product(key, "Basic"), 1000, "usd", true);
        String pro = price(key, product(key, "Pro"), 2500, "usd", true);
        price(key, product(key, "Setup"), 5000, "usd", false);
        price(key, product(key, "Euro plan"), 900, "eur", true);
        var subscribed = call("POST", "/api/v1/subscriptions", key, "{\"customer_id\":\"" + customer
                + "\",\"price_id\":\"" + basic + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        assertThat(json(subscribed).get("status").asString()).isEqualTo("active");
        return new Shop(organization, key, customer, basic, pro, json(subscribed).get("id").asString());
    }

    private String product(String key, String name) {
        return json(call("POST", "/api/v1/products", key, "{\"name\":\"" + name + "\"}")).get("id").asString();
    }

    private String price(String key, String product, long amount, String currency, boolean monthly) {
        var made = call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":" + amount
                + ",\"currency\":\"" + currency + "\"" + (monthly ? ",\"recurring\":{\"interval\":\"month\"}" : "")
                + "}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        return json(made).get("id").asString();
    }

    private String link(Shop shop) {
        var made = call("POST", "/api/v1/customers/" + shop.customer() + "/portal-links", shop.key(), null);
        assertThat(made.statusCode()).isEqualTo(201);
        return json(made).get("url").asString();
    }

    private static long minor(String text) {
        Matcher matcher = AMOUNT.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return Long.parseLong(matcher.group(1)) * 100 + Long.parseLong(matcher.group(2));
    }

    private String csrf() {
        return page.locator("meta[name=csrf-token]").getAttribute("content");
    }

    @Test
    void aCustomerUpgradesPaysWhatThePreviewShowedAndDowngradesForACredit() throws Exception {
        Shop shop = shop("Plan Change Shop");
        page.navigate(link(shop));
        Locator subscription = page.locator("#subscriptions li");
        assertThat(subscription).containsText("Basic");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change plan")).click();

        assertThat(page.locator("h1")).hasText("Change your plan");
        assertThat(page.locator("#current-plan")).containsText("Basic $10.00 per month");
        // Only the other monthly plan in dollars: not the current one, the one-time price nor the euro plan.
        assertThat(page.locator("#choose-plan .form-check")).hasCount(1);
        assertThat(page.locator("#choose-plan")).containsText("Pro");
        assertThat(page.locator("#choose-plan")).containsText("$25.00 per month");

        page.locator("#preview-plan").click();
        assertThat(page.locator("#plan-error")).hasText("Choose one of the plans.");
        assertThat(page.locator("#plan-preview")).hasCount(0);

        page.getByLabel("Pro").check();
        page.locator("#preview-plan").click();
        assertThat(page.locator("#plan-preview h2")).hasText("Moving to Pro");
        assertThat(page.locator("#preview-summary")).containsText("You’ll be charged $");
        assertThat(page.locator("#preview-then")).containsText("Then $25.00 per month from");
        assertThat(page.locator(".preview-line")).hasCount(2);
        long previewed = minor(page.locator("#preview-summary").textContent());
        // Nearly the whole month is left: about $25.00 for it less the $10.00 paid.
        assertThat(previewed).isBetween(1400L, 1500L);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("portal-change-plan.png"))
                .setFullPage(true));
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("portal-change-plan-390.png"))
                .setFullPage(true));
        assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .as("no sideways scrolling at 390 px").isLessThanOrEqualTo(390);
        page.setViewportSize(1280, 800);

        page.waitForTimeout(1100); // the confirmation comes later than the preview: its proration date still rules
        page.locator("#confirm-plan").click();
        assertThat(page.locator("#portal-done")).hasText("Your plan was changed.");
        assertThat(subscription).containsText("Pro");
        assertThat(subscription).containsText("$25.00");

        var changed = json(call("GET", "/api/v1/subscriptions/" + shop.subscription(), shop.key(), null));
        assertThat(changed.at("/items/0/price_id").asString()).isEqualTo(shop.pro());
        var stripe = stripeClients.forOrganization(OrganizationId.parse(shop.organization()).orElseThrow());
        var charged = stripe.v1().invoices().retrieve(changed.get("latest_invoice").asString());
        assertThat(charged.getBillingReason()).isEqualTo("subscription_update");
        assertThat(charged.getStatus()).isEqualTo("paid");
        assertThat(charged.getAmountPaid()).as("what the preview showed").isEqualTo(previewed);

        // Back down to Basic: the unused time on Pro is worth more than Basic's, so the customer is credited.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change plan")).click();
        page.getByLabel("Basic").check();
        page.locator("#preview-plan").click();
        assertThat(page.locator("#preview-summary")).containsText("You’ll be credited $");
        long credited = minor(page.locator("#preview-summary").textContent());
        assertThat(credited).isBetween(1400L, 1500L);
        page.locator("#confirm-plan").click();
        assertThat(page.locator("#portal-done")).hasText("Your plan was changed.");
        assertThat(subscription).containsText("Basic");
        String stripeCustomer = json(call("GET", "/api/v1/customers/" + shop.customer(), shop.key(), null))
                .get("stripe_customer_id").asString();
        assertThat(stripe.v1().customers().retrieve(stripeCustomer).getBalance()).as("the credit, for next invoices")
                .isEqualTo(-credited);
    }

    @Test
    void aConfirmationSentTwiceChangesThePlanOnce() throws Exception {
        Shop shop = shop("Twice Plan Shop");
        page.navigate(link(shop));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change plan")).click();
        page.getByLabel("Pro").check();
        page.locator("#preview-plan").click();
        Locator confirm = page.locator("#plan-preview form");
        String action = confirm.getAttribute("action");
        FormData form = FormData.create().set("_csrf", csrf())
                .set("priceId", confirm.locator("input[name=priceId]").inputValue())
                .set("prorationDate", confirm.locator("input[name=prorationDate]").inputValue())
                .set("idempotencyKey", confirm.locator("input[name=idempotencyKey]").inputValue());
        for (int i = 0; i < 2; i++) {
            var answer = page.request().post(url(action), RequestOptions.create().setForm(form).setMaxRedirects(0));
            assertThat(answer.status()).isEqualTo(302);
            assertThat(answer.headers().get("location")).endsWith("?done=changed");
        }
        var stripe = stripeClients.forOrganization(OrganizationId.parse(shop.organization()).orElseThrow());
        String stripeCustomer = json(call("GET", "/api/v1/customers/" + shop.customer(), shop.key(), null))
                .get("stripe_customer_id").asString();
        var invoices = stripe.v1().invoices().list(com.stripe.param.InvoiceListParams.builder()
                .setCustomer(stripeCustomer).build()).getData();
        assertThat(invoices).as("the first invoice and one for the change").hasSize(2);
        assertThat(json(call("GET", "/api/v1/subscriptions/" + shop.subscription(), shop.key(), null))
                .at("/items/0/price_id").asString()).isEqualTo(shop.pro());
    }

    @Test
    void nothingOfAnotherCustomerOrOrganizationIsWithinReach() throws Exception {
        Shop shop = shop("Guarded Plan Shop");
        Shop other = shop("Other Plan Shop");
        page.navigate(link(shop));
        String token = page.url().substring(page.url().lastIndexOf('/') + 1);
        String base = page.url();

        // Another organization's customer's subscription, by the first customer's link: not found.
        for (String path : new String[]{"/change/preview", "/change"}) {
            var answer = page.request().post(base.replace(token, token + "/subscriptions/" + other.subscription()
                    + path), RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                    .set("_csrf", csrf()).set("priceId", other.pro())));
            assertThat(answer.status()).as(path).isEqualTo(404);
        }
        assertThat(page.request().get(base.replace(token, token + "/subscriptions/" + other.subscription()
                + "/change")).status()).isEqualTo(404);

        // The customer's own subscription moved to another organization's price: refused at the field.
        var forged = page.request().post(base.replace(token, token + "/subscriptions/" + shop.subscription()
                + "/change"), RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                .set("_csrf", csrf()).set("priceId", other.pro())));
        assertThat(forged.status()).isEqualTo(200);
        assertThat(forged.text()).contains("Choose one of the plans.");
        assertThat(json(call("GET", "/api/v1/subscriptions/" + shop.subscription(), shop.key(), null))
                .at("/items/0/price_id").asString()).isEqualTo(shop.basic());
        assertThat(json(call("GET", "/api/v1/subscriptions/" + other.subscription(), other.key(), null))
                .at("/items/0/price_id").asString()).isEqualTo(other.basic());
    }

    @Test
    void thePlanChangePagesHaveNoSeriousAccessibilityViolation() throws Exception {
        Shop shop = shop("Accessible Plan Shop");
        String link = link(shop);
        for (String language : new String[]{"en-US", "fr-FR"}) {
            for (int width : new int[]{1280, 390}) {
                try (var context = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setBaseURL(url("")).setLocale(language).setBypassCSP(true).setViewportSize(width, 900))) {
                    Page tab = context.newPage();
                    tab.navigate(link);
                    assertThat(Axe.seriousViolations(tab)).as("portal " + language + " " + width).isEmpty();
                    tab.locator("#subscriptions a").click();
                    tab.locator("#preview-plan").click();
                    assertThat(tab.locator("#plan-error")).isVisible();
                    assertThat(Axe.seriousViolations(tab)).as("choice " + language + " " + width).isEmpty();
                    tab.locator("input[name=priceId]").check();
                    tab.locator("#preview-plan").click();
                    assertThat(tab.locator("#plan-preview")).isVisible();
                    assertThat(Axe.seriousViolations(tab)).as("preview " + language + " " + width).isEmpty();
                }
            }
        }
    }

    @Test
    void thePreviewSpeaksSpanishAndFrench() throws Exception {
        Shop shop = shop("Tienda de planes");
        String link = link(shop);
        page.setExtraHTTPHeaders(Map.of("Accept-Language", "es"));
        page.navigate(link);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cambiar de plan")).click();
        assertThat(page.locator("h1")).hasText("Cambia de plan");
        page.getByLabel("Pro").check();
        page.locator("#preview-plan").click();
        assertThat(page.locator("#preview-summary")).containsText("Se te cobrarán");
        assertThat(page.locator("#preview-summary")).containsText("ahora");

        page.setExtraHTTPHeaders(Map.of("Accept-Language", "fr"));
        page.navigate(link);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Changer de formule")).click();
        assertThat(page.locator("h1")).hasText("Changer de formule");
        assertThat(page.locator("#preview-plan")).hasText("Voir ce que cela coûte");
    }
}
