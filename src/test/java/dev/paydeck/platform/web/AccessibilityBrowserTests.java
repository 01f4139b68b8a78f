package dev.paydeck.platform.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.Axe;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core ({@link Axe}) finds no serious or critical violation of
 * WCAG 2 A/AA on the pages a newcomer sees, on a desktop and on a phone, in each language.
 */
class AccessibilityBrowserTests extends BrowserTest {

    @Test
    void theNewcomersPagesHaveNoSeriousViolation() {
        Person owner = signUp("Accessible owner");
        String organization = createOrganization(owner, "Accessible Shop", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String customer = json(call("POST", "/api/v1/customers", key,
                "{\"name\":\"Ada Accessible\",\"email\":\"ada@example.com\"}")).get("id").asString();
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"usd\",\"customer_id\":\""
                + customer + "\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}");
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":3000,\"currency\":\"usd\",\"capture_method\":"
                + "\"manual\",\"payment_method\":\"pm_card_visa\",\"confirm\":true}");
        String payment = json(call("POST", "/api/v1/payment-intents", key,
                "{\"amount\":2050,\"currency\":\"eur\",\"payment_method\":\"pm_card_visa\",\"confirm\":true,"
                        + "\"description\":\"Blue mug\",\"customer_email\":\"axe@example.com\"}"))
                .at("/payment/id").asString();
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Accessible plan\"}"))
                .get("id").asString();
        String price = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product
                + "\",\"unit_amount\":900,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}"))
                .get("id").asString();
        String subscription = json(call("POST", "/api/v1/subscriptions", key, "{\"customer_id\":\"" + customer
                + "\",\"price_id\":\"" + price + "\",\"collection_method\":\"send_invoice\"}")).get("id").asString();
        call("POST", "/api/v1/coupons", key, "{\"name\":\"Accessible 10%\",\"percent_off\":10,\"duration\":"
                + "\"repeating\",\"duration_in_months\":3,\"max_redemptions\":50}");
        call("POST", "/api/v1/tax-rates", key, "{\"display_name\":\"VAT\",\"percentage\":\"19\",\"inclusive\":false,"
                + "\"country\":\"DE\"}");
        String invoice = json(call("POST", "/api/v1/invoices", key, "{\"customer_id\":\"" + customer + "\","
                + "\"lines\":[{\"amount\":4500,\"currency\":\"usd\",\"description\":\"Accessible audit\"}]}"))
                .get("id").asString();
        call("POST", "/api/v1/invoices/" + invoice + "/finalize", key, null);
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en-US", "es-ES", "fr-FR")) {
            for (int width : new int[] {1280, 390}) {
                try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                        .setBaseURL(url("")).setLocale(language).setBypassCSP(true)
                        .setViewportSize(width, 900))) {
                    Page tab = context.newPage();
                    for (String path : List.of("/", "/login", "/signup", "/pricing/" + organization)) {
                        violations.addAll(check(tab, path, language, width));
                    }
                    tab.navigate("/login");
                    tab.locator("#username").fill(owner.email());
                    tab.locator("#password").fill(PASSWORD);
                    tab.locator("main").getByRole(AriaRole.BUTTON).click();
                    tab.waitForURL("**/app/organizations/" + organization);
                    for (String path : List.of("/app/organizations/" + organization, "/app/organizations/new",
                            "/app/organizations", "/app/organizations/" + organization + "/webhooks",
                            "/app/organizations/" + organization + "/settings",
                            "/app/organizations/" + organization + "/settings/webhooks",
                            "/app/organizations/" + organization + "/settings/members",
                            "/app/organizations/" + organization + "/settings/api-keys",
                            "/app/organizations/" + organization + "/settings/portal",
                            "/app/organizations/" + organization + "/settings/audit-log",
                            "/app/organizations/" + organization + "/customers",
                            "/app/organizations/" + organization + "/customers/new",
                            "/app/organizations/" + organization + "/customers/" + customer,
                            "/app/organizations/" + organization + "/payments",
                            "/app/organizations/" + organization + "/payments/" + payment,
                            "/app/organizations/" + organization + "/products",
                            "/app/organizations/" + organization + "/products/new",
                            "/app/organizations/" + organization + "/products/" + product,
                            "/app/organizations/" + organization + "/products/coupons",
                            "/app/organizations/" + organization + "/products/coupons/new",
                            "/app/organizations/" + organization + "/products/tax-rates",
                            "/app/organizations/" + organization + "/products/tax-rates/new",
                            "/app/organizations/" + organization + "/invoices",
                            "/app/organizations/" + organization + "/invoices/new",
                            "/app/organizations/" + organization + "/invoices/" + invoice,
                            "/app/organizations/" + organization + "/subscriptions",
                            "/app/organizations/" + organization + "/subscriptions/new",
                            "/app/organizations/" + organization + "/subscriptions/" + subscription,
                            "/app/organizations/" + organization + "/subscriptions/" + subscription + "/change")) {
                        violations.addAll(check(tab, path, language, width));
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.paydeck.checkout.ShopItems shopItems;

    @org.springframework.beans.factory.annotation.Autowired
    dev.paydeck.payments.Payments payments;

    @org.springframework.beans.factory.annotation.Autowired
    dev.paydeck.checkout.PayLinks payLinks;

    @Test
    void theShopThePaymentPageThePortalAndTheNewPaymentFormHaveNoSeriousViolation() {
        Person owner = signUp("Accessible shopkeeper");
        String organization = createOrganization(owner, "Accessible Books", null).get("id").asString();
        var id = dev.paydeck.shared.OrganizationId.parse(organization).orElseThrow();
        var book = shopItems.add(id, "Moby-Dick", "Herman Melville", "/images/shop/moby-dick.svg",
                dev.paydeck.shared.Money.of(1550, "USD"));
        var created = payments.create(id, new dev.paydeck.payments.PaymentRequest(book.price(), null, null, null,
                "Moby-Dick", java.util.Map.of(), false, null, false, false, null, null, null), null, "test");
        String payPage = payLinks.forPayment(id, created.payment().id(), dev.paydeck.checkout.PayLinks.Source.SHOP)
                .path();
        String key = apiKey(owner, organization, "admin");
        String customer = json(call("POST", "/api/v1/customers", key, "{\"email\":\"portal@example.com\"}"))
                .get("id").asString();
        String portal = java.net.URI.create(json(call("POST", "/api/v1/customers/" + customer + "/portal-links", key,
                null)).get("url").asString()).getPath();
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en-US", "es-ES", "fr-FR")) {
            for (int width : new int[] {1280, 390}) {
                try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                        .setBaseURL(url("")).setLocale(language).setBypassCSP(true)
                        .setViewportSize(width, 900))) {
                    Page tab = context.newPage();
                    for (String path : List.of("/shop/" + organization,
                            "/shop/" + organization + "/items/" + book.id(), payPage, portal,
                            portal + "/cards/new")) {
                        violations.addAll(check(tab, path, language, width));
                    }
                    tab.navigate("/login");
                    tab.locator("#username").fill(owner.email());
                    tab.locator("#password").fill(PASSWORD);
                    tab.locator("main").getByRole(AriaRole.BUTTON).click();
                    tab.waitForURL("**/app/organizations/" + organization);
                    violations.addAll(check(tab, "/app/organizations/" + organization + "/payments/new", language,
                            width));
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    private static List<String> check(Page tab, String path, String language, int width) {
        tab.navigate(path);
        return Axe.seriousViolations(tab).stream()
                .map(violation -> path + " [" + language + ", " + width + " px] " + violation).toList();
    }
}
