package dev.paydeck.platform.web;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.BrowserTest;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * On a phone (390 px wide) the header is one short row with a menu button, no page scrolls sideways, and every
 * control is reached with the keyboard, its focus visible.
 */
class PhoneLayoutBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @BeforeEach
    void phone() {
        page.setViewportSize(390, 844);
    }

    @Test
    void theHomePageFitsAPhoneWithAShortHeaderAndACollapsedMenu() {
        page.navigate("/");

        assertFitsThePhone("home");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API docs").setExact(true))).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API docs").setExact(true))).isVisible();
        assertThat(page.locator("#pd-menu")).hasClass(java.util.regex.Pattern.compile("(^|\\s)show(\\s|$)"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("home-390-menu.png")));
    }

    @Test
    void theDashboardFitsAPhone() {
        Person owner = signUp("Phone owner");
        String organization = createOrganization(owner, "A shop with a rather long name for a phone", null)
                .get("id").asString();
        String key = apiKey(owner, organization, "admin");
        call("POST", "/api/v1/payment-intents", key, "{\"amount\":123456,\"currency\":\"usd\",\"customer_email\":"
                + "\"ada.lovelace.byron@a-rather-long-domain.example.com\",\"customer_name\":\"Ada Lovelace-Byron, "
                + "Countess of Lovelace\",\"description\":\"A rather long description of what was bought\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}");
        page.navigate("/login");
        page.getByLabel("Email").fill(owner.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL("**/app/**");
        page.navigate("/app/organizations/" + organization);
        assertThat(page.locator("h1")).hasText("A shop with a rather long name for a phone");

        assertFitsThePhone("dashboard");
        assertThat(page.getByTestId("mode")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webhook events")).first().click();
        assertThat(page.locator("h1")).hasText("Webhook events from Stripe for A shop with a rather long name for a phone");
        assertFitsThePhone("webhook-events");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Customers")).first().click();
        assertThat(page.locator("h1")).hasText("Customers");
        assertFitsThePhone("customers");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ada Lovelace-Byron, Countess of Lovelace")).click();
        assertThat(page.getByTestId("customer-payment")).hasCount(1);
        assertFitsThePhone("customer-detail");
    }

    @Test
    void theSettingsFitAPhone() {
        Person owner = signUp("Phone settings owner");
        String organization = createOrganization(owner, "Settings on a phone", null).get("id").asString();
        apiKey(owner, organization, "admin");
        page.navigate("/login");
        page.getByLabel("Email").fill(owner.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL("**/app/**");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu")).click();
        page.locator("header").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Settings").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Settings of Settings on a phone");
        page.waitForLoadState();
        assertThat(page.getByTestId("check-result")).isVisible();
        assertFitsThePhone("settings");
        for (String section : new String[] {"webhooks", "members", "api-keys", "portal", "audit-log"}) {
            page.navigate("/app/organizations/" + organization + "/settings/" + section);
            Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                    .as(section + " width at 390 px (no sideways scrolling)").isLessThanOrEqualTo(390);
        }
    }

    @Test
    void thePaymentsPagesFitAPhone() {
        Person owner = signUp("Phone payments owner");
        String organization = createOrganization(owner, "Phone Payments", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String payment = null;
        for (String description : new String[] {"A rather long description of a blue mug with a saucer", "Tea"}) {
            payment = json(call("POST", "/api/v1/payment-intents", key, "{\"amount\":2050,\"currency\":\"eur\","
                    + "\"payment_method\":\"pm_card_visa\",\"confirm\":true,\"description\":\"" + description
                    + "\",\"customer_email\":\"a.rather.long.address@example.com\"}")).at("/payment/id").asString();
        }
        page.navigate("/login");
        page.getByLabel("Email").fill(owner.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL("**/app/**");
        page.navigate("/app/organizations/" + organization + "/payments");
        assertThat(page.locator("h1")).hasText("Payments");
        assertThat(page.locator("[data-testid=payments] tbody tr")).hasCount(2);

        assertFitsThePhone("payments");
        page.navigate("/app/organizations/" + organization + "/payments/" + payment);
        assertThat(page.getByTestId("payment-amount")).hasText("€20.50");
        assertFitsThePhone("payment-detail");
    }

    @Test
    void theKeyboardReachesTheMenuAndShowsWhereItIs() {
        page.navigate("/");
        page.keyboard().press("Tab");
        var skip = page.locator(":focus");
        assertThat(skip).hasText("Skip to the content");
        assertThat(skip).isVisible();

        page.keyboard().press("Tab");
        page.keyboard().press("Tab");
        var toggler = page.locator(":focus");
        assertThat(toggler).hasAttribute("aria-controls", "pd-menu");
        Assertions.assertThat(toggler.evaluate("e => getComputedStyle(e).outlineStyle")).isEqualTo("solid");
        Assertions.assertThat(toggler.evaluate("e => getComputedStyle(e).outlineWidth")).isEqualTo("3px");
        page.keyboard().press("Enter");
        assertThat(toggler).hasAttribute("aria-expanded", "true");
        page.keyboard().press("Tab");
        var first = page.locator(":focus");
        assertThat(first).hasText("Home");
        Assertions.assertThat(first.evaluate("e => getComputedStyle(e).outlineStyle")).isEqualTo("solid");
    }

    @Test
    void theCatalogFitsAPhone() {
        Person owner = signUp("Phone catalog owner");
        String organization = createOrganization(owner, "Catalog on a phone", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"A rather long product name "
                + "for a narrow phone screen\"}")).get("id").asString();
        for (String price : new String[] {"{\"unit_amount\":123456,\"currency\":\"usd\",\"recurring\":"
                + "{\"interval\":\"month\",\"interval_count\":3}}", "{\"unit_amount\":9900,\"currency\":\"eur\"}"}) {
            call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\"," + price.substring(1));
        }
        page.navigate("/login");
        page.getByLabel("Email").fill(owner.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL("**/app/**");
        page.navigate("/app/organizations/" + organization + "/products");
        assertThat(page.getByTestId("price")).hasCount(2);
        assertFitsThePhone("products");
        page.navigate("/app/organizations/" + organization + "/products/" + product);
        assertThat(page.getByTestId("price")).hasCount(2);
        assertFitsThePhone("product-detail");
        page.navigate("/app/organizations/" + organization + "/products/new");
        assertFitsThePhone("product-new");
        call("POST", "/api/v1/coupons", key, "{\"name\":\"A long coupon name, 40 characters\","
                + "\"amount_off\":123456,\"currency\":\"usd\",\"duration\":\"repeating\",\"duration_in_months\":12,"
                + "\"max_redemptions\":1000}");
        call("POST", "/api/v1/tax-rates", key, "{\"display_name\":\"Value added tax, reduced\",\"percentage\":"
                + "\"7.6543\",\"inclusive\":true,\"country\":\"DE\",\"state\":\"BY\",\"jurisdiction\":\"Bavaria\"}");
        page.navigate("/app/organizations/" + organization + "/products/coupons");
        assertThat(page.getByTestId("coupon")).hasCount(1);
        assertFitsThePhone("coupons");
        page.navigate("/app/organizations/" + organization + "/products/coupons/new");
        assertFitsThePhone("coupon-new");
        page.navigate("/app/organizations/" + organization + "/products/tax-rates");
        assertThat(page.getByTestId("tax-rate")).hasCount(1);
        assertFitsThePhone("tax-rates");
    }

    @Test
    void theInvoicesFitAPhone() {
        Person owner = signUp("Phone invoicer");
        String organization = createOrganization(owner, "Invoices on a phone", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String customer = json(call("POST", "/api/v1/customers", key, "{\"name\":\"A customer with a rather long "
                + "name\",\"email\":\"a.rather.long.address@example.com\"}")).get("id").asString();
        String invoice = json(call("POST", "/api/v1/invoices", key, "{\"customer_id\":\"" + customer + "\","
                + "\"lines\":[{\"amount\":12345678,\"currency\":\"usd\",\"description\":\"A rather long "
                + "description of the work that was done\"},{\"amount\":990,\"currency\":\"usd\","
                + "\"description\":\"Travel\"}],\"collection_method\":\"send_invoice\",\"days_until_due\":7}"))
                .get("id").asString();
        call("POST", "/api/v1/invoices/" + invoice + "/finalize", key, null);
        page.navigate("/login");
        page.getByLabel("Email").fill(owner.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL("**/app/**");
        page.navigate("/app/organizations/" + organization + "/invoices");
        assertThat(page.getByTestId("invoice")).hasCount(1);
        assertFitsThePhone("invoices-list");
        page.navigate("/app/organizations/" + organization + "/invoices/" + invoice);
        assertThat(page.getByTestId("invoice-line")).hasCount(2);
        assertFitsThePhone("invoice-detail");
        page.navigate("/app/organizations/" + organization + "/invoices/new");
        assertFitsThePhone("invoice-new");
    }

    @Test
    void theSubscriptionsFitAPhone() {
        Person owner = signUp("Phone subscriptions owner");
        String organization = createOrganization(owner, "Subscriptions on a phone", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"A rather long plan name for a "
                + "narrow phone screen\"}")).get("id").asString();
        String price = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\","
                + "\"unit_amount\":123456,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}"))
                .get("id").asString();
        String customer = json(call("POST", "/api/v1/customers", key, "{\"name\":\"Maximiliana Wolfeschlegelstein\","
                + "\"email\":\"maximiliana.wolfeschlegelstein@example.com\"}")).get("id").asString();
        String subscription = json(call("POST", "/api/v1/subscriptions", key, "{\"customer_id\":\"" + customer
                + "\",\"price_id\":\"" + price + "\",\"quantity\":3,\"collection_method\":\"send_invoice\"}"))
                .get("id").asString();
        page.navigate("/login");
        page.getByLabel("Email").fill(owner.email());
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        page.waitForURL("**/app/**");
        page.navigate("/app/organizations/" + organization + "/subscriptions");
        assertThat(page.getByTestId("subscription")).hasCount(1);
        assertFitsThePhone("subscriptions");
        page.navigate("/app/organizations/" + organization + "/subscriptions/" + subscription);
        assertThat(page.getByTestId("item")).hasCount(1);
        assertFitsThePhone("subscription-detail");
        page.navigate("/app/organizations/" + organization + "/subscriptions/new");
        assertFitsThePhone("subscription-new");
        page.navigate("/app/organizations/" + organization + "/subscriptions/" + subscription + "/change");
        assertFitsThePhone("subscription-change");
    }

    private void assertFitsThePhone(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-390.png")));
        Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                .as("page width at 390 px (no sideways scrolling); too wide: %s", page.evaluate("() => [...document"
                        + ".querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391).slice(-6)"
                        + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
                        + ".join(', ')"))
                .isLessThanOrEqualTo(390);
        Assertions.assertThat(((Number) page.evaluate("() => document.querySelector('header').getBoundingClientRect().height"))
                .doubleValue()).as("header height").isLessThan(80);
    }
}
