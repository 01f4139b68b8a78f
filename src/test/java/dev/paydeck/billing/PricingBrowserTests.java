package dev.paydeck.billing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.support.Axe;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * An organization's public pricing page, seen by someone who is not signed in: its active recurring plans by product,
 * a toggle between the periods it has (and none when it has one), trial days from the price's metadata, a Subscribe
 * button leading to the subscription checkout (the first invoice paid with the Payment Element, or a trial started
 * without a card); nothing of the archived, one-time or other organizations' catalog; Spanish.
 */
class PricingBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @Test
    void aVisitorTogglesMonthlyAndYearlyPlansAndChoosesOne() {
        Person owner = signUp("Pricing owner");
        String organization = createOrganization(owner, "Hopper Cloud", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String basic = product(key, "Basic", "For one person");
        String pro = product(key, "Pro", "For teams, with priority support");
        price(key, basic, 900, "month", null);
        price(key, basic, 9000, "year", null);
        price(key, pro, 1900, "month", "{\"trial_period_days\":\"14\"}");
        price(key, pro, 19000, "year", null);
        call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + basic + "\",\"unit_amount\":4900,"
                + "\"currency\":\"usd\",\"nickname\":\"Set-up fee\"}");
        String old = product(key, "Legacy plan", null);
        price(key, old, 500, "month", null);
        call("POST", "/api/v1/products/" + old + "/archive", key, null);

        page.navigate("/pricing/" + organization);
        assertThat(page.locator("h1")).hasText("Pricing · Hopper Cloud");
        Locator toggle = page.getByTestId("period-toggle");
        assertThat(toggle.getByRole(AriaRole.LINK)).hasText(new String[] {"Monthly", "Yearly"});
        assertThat(toggle.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Monthly")))
                .hasAttribute("aria-current", "page");
        assertThat(page.getByTestId("plan")).hasCount(2);
        assertThat(page.getByTestId("plan").first()).containsText("Basic");
        assertThat(page.getByTestId("plan").first()).containsText("$9.00 per month");
        assertThat(page.getByTestId("plan").nth(1)).containsText("$19.00 per month");
        assertThat(page.getByTestId("plan").nth(1).getByTestId("trial")).containsText("14 days free");
        assertThat(page.locator("main")).not().containsText("Legacy plan");
        assertThat(page.locator("main")).not().containsText("$49.00");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("prod_").doesNotContain("price_1")
                .doesNotContain(owner.email());

        toggle.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Yearly")).click();
        assertThat(page.getByTestId("plan").first()).containsText("$90.00 per year");
        assertThat(page.getByTestId("plan").nth(1)).containsText("$190.00 per year");
        assertThat(page.getByTestId("trial")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("pricing.png")).setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscribe to Pro at $190.00")).click();
        assertThat(page.locator("h1")).hasText("Subscribe to Pro");
        assertThat(page.getByTestId("chosen-plan")).containsText("$190.00 per year");
        String subscribePage = page.url();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("#email-error")).hasText("Please type your email address.");
        assertThat(page.locator("#email")).hasAttribute("aria-describedby", "email-error");
        String email = "ada-" + UUID.randomUUID() + "@example.com";
        page.getByLabel("Your email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        // The first invoice, paid with the Payment Element: a declined card first, then one that pays.
        assertThat(page.locator("#submit")).isEnabled();
        dev.paydeck.support.PaymentElement.fillCard(page, "4000000000000002");
        page.locator("#submit").click();
        assertThat(page.locator("#payment-message")).hasText("Your card was declined.");
        dev.paydeck.support.PaymentElement.fillCard(page, "4242424242424242");
        page.locator("#submit").click();
        assertThat(page.locator("#subscribed")).hasText("You are subscribed");

        String customer = json(call("GET", "/api/v1/customers?q=" + email, key, null)).at("/data/0/id").asString();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            var subscriptions = json(call("GET", "/api/v1/subscriptions?customer_id=" + customer, key, null))
                    .get("data");
            org.assertj.core.api.Assertions.assertThat(subscriptions.size()).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(subscriptions.at("/0/status").asString()).isEqualTo("active");
            org.assertj.core.api.Assertions.assertThat(subscriptions.at("/0/items/0/unit_amount").asLong())
                    .isEqualTo(19000);
        });

        // axe-core needs its script in the page, which the pages' CSP forbids: a context that bypasses it.
        try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(url("")).setBypassCSP(true))) {
            Page tab = context.newPage();
            for (String path : new String[] {"/pricing/" + organization + "?period=year", subscribePage}) {
                tab.navigate(path);
                org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(tab)).as(path).isEmpty();
            }
        }
    }

    @Test
    void aPlanWithATrialStartsWithoutACard() {
        Person owner = signUp("Trial pricing owner");
        String organization = createOrganization(owner, "Trial Cloud", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        price(key, product(key, "Team", null), 2900, "month", "{\"trial_period_days\":\"14\"}");

        page.navigate("/pricing/" + organization);
        page.getByTestId("subscribe").click();
        String email = "trial-" + UUID.randomUUID() + "@example.com";
        page.getByLabel("Your email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
        assertThat(page.locator("#subscribed")).hasText("Your free trial has started");
        assertThat(page.locator("main")).containsText("three days before");

        String customer = json(call("GET", "/api/v1/customers?q=" + email, key, null)).at("/data/0/id").asString();
        var subscriptions = json(call("GET", "/api/v1/subscriptions?customer_id=" + customer, key, null)).get("data");
        org.assertj.core.api.Assertions.assertThat(subscriptions.size()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(subscriptions.at("/0/status").asString()).isEqualTo("trialing");
    }

    @Test
    void onePeriodNeedsNoToggleAndOtherOrganizationsPlansAreNotFound() {
        Person owner = signUp("Monthly only owner");
        String organization = createOrganization(owner, "Monthly only", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        price(key, product(key, "Starter", null), 1200, "month", null);
        Person other = signUp("Other pricing owner");
        String otherOrganization = createOrganization(other, "Other pricing", null).get("id").asString();
        String otherKey = apiKey(other, otherOrganization, "admin");
        String foreign = price(otherKey, product(otherKey, "Not yours", null), 100, "month", null);

        page.navigate("/pricing/" + organization);
        assertThat(page.getByTestId("plan")).hasCount(1);
        assertThat(page.getByTestId("period-toggle")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/pricing/" + organization + "/subscribe?price="
                + foreign).status()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/pricing/" + organization + "/subscribe?price=x")
                .status()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/pricing/" + UUID.randomUUID()).status())
                .isEqualTo(404);
        page.navigate("/pricing/" + otherOrganization + "?period=year");
        assertThat(page.getByTestId("plan")).containsText("Not yours");

        String empty = createOrganization(other, "Nothing yet", null).get("id").asString();
        page.navigate("/pricing/" + empty);
        assertThat(page.getByTestId("pricing-empty")).hasText("There is no plan to subscribe to yet.");
    }

    @Test
    void thePricingPageSpeaksSpanish() {
        Person owner = signUp("Precios");
        String organization = createOrganization(owner, "Nube Hopper", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String plan = product(key, "Equipo", null);
        call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + plan + "\",\"unit_amount\":1250,"
                + "\"currency\":\"eur\",\"recurring\":{\"interval\":\"month\"}}");
        call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + plan + "\",\"unit_amount\":12500,"
                + "\"currency\":\"eur\",\"recurring\":{\"interval\":\"year\"}}");
        try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(url("")).setLocale("es-ES"))) {
            Page tab = context.newPage();
            tab.navigate("/pricing/" + organization);
            assertThat(tab.locator("h1")).hasText("Precios · Nube Hopper");
            assertThat(tab.getByTestId("plan-price")).containsText("12,50");
            tab.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Anual")).click();
            assertThat(tab.getByTestId("plan-price")).containsText("125,00");
            assertThat(tab.getByTestId("subscribe")).hasText("Suscribirse");
        }
    }

    private String product(String key, String name, String description) {
        return json(call("POST", "/api/v1/products", key, "{\"name\":\"" + name + "\""
                + (description == null ? "" : ",\"description\":\"" + description + "\"") + "}")).get("id")
                .asString();
    }

    private String price(String key, String product, long amount, String interval, String metadata) {
        return json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":"
                + amount + ",\"currency\":\"usd\",\"recurring\":{\"interval\":\"" + interval + "\"}"
                + (metadata == null ? "" : ",\"metadata\":" + metadata) + "}")).get("id").asString();
    }
}
