package dev.paydeck.billing;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Coupons and tax rates in the catalog's pages, in a browser: an owner creates a coupon (first with messages at the
 * fields) and deletes it, creates a tax rate and archives it, and finds each change in the organization's Stripe; a
 * form sent twice makes one coupon; a viewer sees no write button and is refused a forged write; the pages in Spanish
 * and French.
 */
class CouponsAndTaxRatesBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @Test
    void anOwnerCreatesACouponAfterFixingItsFieldsAndDeletesIt() throws Exception {
        Person owner = signUp("Coupon maker");
        StripeAccount shop = organizationOnItsOwnSandboxAccount(owner, "Hopper Coupons");
        signIn(owner);
        page.navigate("/app/organizations/" + shop.organization() + "/products");
        page.getByTestId("tab-coupons").click();
        assertThat(page.locator("h1")).hasText("Coupons");
        assertThat(page.getByTestId("tab-coupons")).hasAttribute("aria-current", "page");
        assertThat(page.getByTestId("coupons-empty")).containsText("No coupons yet.");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New coupon")).click();
        page.getByLabel("Name (optional)").fill("Launch offer");
        page.getByLabel("Percentage off").fill("150");
        page.getByLabel("Duration").selectOption("repeating");
        create("Create the coupon");
        assertThat(page.locator("#percentOff-error")).hasText("Type a percentage more than 0 and at most 100, with "
                + "at most two decimals.");
        assertThat(page.locator("#percentOff")).hasAttribute("aria-describedby", "percentOff-error");
        assertThat(page.locator("#durationInMonths-error")).hasText("Type a number of months from 1 to 1200.");
        assertThat(page.getByLabel("Name (optional)")).hasValue("Launch offer");
        page.getByLabel("Percentage off").fill("25");
        page.getByLabel("Months", new Page.GetByLabelOptions().setExact(true)).fill("3");
        page.getByLabel("Redemptions at most (optional)").fill("100");
        create("Create the coupon");
        assertThat(page.getByTestId("saved")).hasText("The coupon is created, in Paydeck and in Stripe.");
        assertThat(page.getByTestId("coupon")).hasCount(1);
        assertThat(page.getByTestId("coupon")).containsText("Launch offer");
        assertThat(page.getByTestId("off")).hasText("25%");
        assertThat(page.getByTestId("coupon")).containsText("For 3 months");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New coupon")).click();
        page.getByLabel("An amount").check();
        page.getByLabel("Amount off").fill("5");
        page.getByLabel("Currency").selectOption("eur");
        create("Create the coupon");
        assertThat(page.getByTestId("coupon")).hasCount(2);
        assertThat(page.getByTestId("off").first()).hasText("€5.00");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("coupons.png")).setFullPage(true));

        var stripe = shop.stripe();
        var coupons = stripe.v1().coupons().list().getData();
        org.assertj.core.api.Assertions.assertThat(coupons).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(coupons).anySatisfy(coupon -> {
            org.assertj.core.api.Assertions.assertThat(coupon.getName()).isEqualTo("Launch offer");
            org.assertj.core.api.Assertions.assertThat(coupon.getPercentOff()).isEqualByComparingTo(BigDecimal
                    .valueOf(25));
            org.assertj.core.api.Assertions.assertThat(coupon.getDurationInMonths()).isEqualTo(3L);
            org.assertj.core.api.Assertions.assertThat(coupon.getMaxRedemptions()).isEqualTo(100L);
        });

        page.getByTestId("coupon").filter(new Locator.FilterOptions().setHasText("Launch offer"))
                .getByTestId("delete-coupon").click();
        assertThat(page.getByTestId("saved")).hasText("The coupon is deleted: nobody can redeem it any more.");
        assertThat(page.getByTestId("coupon")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(stripe.v1().coupons().list().getData()).hasSize(1)
                .allSatisfy(coupon -> org.assertj.core.api.Assertions.assertThat(coupon.getAmountOff())
                        .isEqualTo(500L));
        page.getByTestId("deleted-filter").click();
        assertThat(page.getByTestId("coupon")).hasCount(1);
        assertThat(page.getByTestId("coupon")).containsText("Launch offer");
        assertThat(page.getByTestId("delete-coupon")).hasCount(0);
    }

    @Test
    void anOwnerCreatesATaxRateAndArchivesIt() throws Exception {
        Person owner = signUp("Tax keeper");
        StripeAccount shop = organizationOnItsOwnSandboxAccount(owner, "Hopper Taxes");
        signIn(owner);
        page.navigate("/app/organizations/" + shop.organization() + "/products");
        page.getByTestId("tab-tax-rates").click();
        assertThat(page.locator("h1")).hasText("Tax rates");
        assertThat(page.getByTestId("tax-rates-empty")).containsText("No tax rates yet.");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New tax rate")).click();
        page.getByLabel("Percentage").fill("19,55555");
        page.getByLabel("Country (optional)").fill("D");
        create("Create the tax rate");
        assertThat(page.locator("#displayName-error")).hasText("Please give the tax rate a name.");
        assertThat(page.locator("#percentage-error")).hasText("Type a percentage from 0 to 100, with at most four "
                + "decimals.");
        assertThat(page.locator("#country-error")).hasText("Type a two-letter country code, or leave it empty.");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("VAT");
        page.getByLabel("Percentage").fill("19,5");
        page.getByLabel("Country (optional)").fill("de");
        page.getByLabel("Included in prices").check();
        create("Create the tax rate");
        assertThat(page.getByTestId("saved")).hasText("The tax rate is created, in Paydeck and in Stripe.");
        assertThat(page.getByTestId("tax-rate")).hasCount(1);
        assertThat(page.getByTestId("percentage")).hasText("19.5%");
        assertThat(page.getByTestId("tax-rate")).containsText("Included in prices");
        assertThat(page.getByTestId("tax-rate")).containsText("DE");
        var rates = shop.stripe().v1().taxRates().list().getData();
        org.assertj.core.api.Assertions.assertThat(rates).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(rates.get(0).getPercentage()).isEqualByComparingTo("19.5");
        org.assertj.core.api.Assertions.assertThat(rates.get(0).getInclusive()).isTrue();

        page.getByTestId("archive-tax-rate").click();
        assertThat(page.getByTestId("saved")).containsText("The tax rate is archived");
        assertThat(page.getByTestId("tax-rates-empty")).containsText("No tax rates yet.");
        org.assertj.core.api.Assertions.assertThat(shop.stripe().v1().taxRates().retrieve(rates.get(0).getId())
                .getActive()).isFalse();
        page.getByTestId("archived-filter").click();
        assertThat(page.locator("[data-testid=tax-rate][data-status=archived]")).hasCount(1);
        page.getByTestId("unarchive-tax-rate").click();
        assertThat(page.getByTestId("saved")).hasText("The tax rate is active again.");
        org.assertj.core.api.Assertions.assertThat(shop.stripe().v1().taxRates().retrieve(rates.get(0).getId())
                .getActive()).isTrue();
    }

    @Test
    void aCouponFormSentTwiceCreatesOneCoupon() {
        Person owner = signUp("Double coupon clicker");
        String organization = createOrganization(owner, "Twice coupons", null).get("id").asString();
        signIn(owner);
        page.navigate("/app/organizations/" + organization + "/products/coupons/new");
        String key = page.locator("input[name=idempotencyKey]").inputValue();
        String csrf = page.locator("main input[name=_csrf]").inputValue();
        for (int i = 0; i < 2; i++) {
            APIResponse sent = page.request().post(url("/app/organizations/" + organization
                    + "/products/coupons/new"), RequestOptions.create().setMaxRedirects(0).setForm(FormData.create()
                    .set("kind", "percent").set("percentOff", "10").set("duration", "once").set("currency", "usd")
                    .set("idempotencyKey", key).set("_csrf", csrf)));
            org.assertj.core.api.Assertions.assertThat(sent.status()).isEqualTo(302);
        }
        page.navigate("/app/organizations/" + organization + "/products/coupons");
        assertThat(page.getByTestId("coupon")).hasCount(1);
    }

    @Test
    void aViewerSeesNoWriteButtonAndIsRefusedAForgedWrite() {
        Person owner = signUp("Owner of coupons");
        Person viewer = signUp("Coupon viewer");
        String organization = createOrganization(owner, "Viewed coupons", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String coupon = json(call("POST", "/api/v1/coupons", key, "{\"name\":\"Look only\",\"percent_off\":5}"))
                .get("id").asString();
        String rate = json(call("POST", "/api/v1/tax-rates", key, "{\"display_name\":\"GST\",\"percentage\":\"5\","
                + "\"inclusive\":false}")).get("id").asString();
        call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");

        signIn(viewer);
        String base = "/app/organizations/" + organization + "/products";
        page.navigate(base + "/coupons");
        assertThat(page.getByTestId("coupon")).hasCount(1);
        assertThat(page.getByTestId("new-coupon")).hasCount(0);
        assertThat(page.getByTestId("delete-coupon")).hasCount(0);
        page.navigate(base + "/tax-rates");
        assertThat(page.getByTestId("tax-rate")).hasCount(1);
        assertThat(page.getByTestId("new-tax-rate")).hasCount(0);
        assertThat(page.getByTestId("archive-tax-rate")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.navigate(base + "/coupons/new").status()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(page.navigate(base + "/tax-rates/new").status()).isEqualTo(403);

        page.navigate(base + "/coupons");
        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        for (APIResponse forged : new APIResponse[] {
                page.request().post(url(base + "/coupons/new"), RequestOptions.create().setMaxRedirects(0)
                        .setForm(FormData.create().set("kind", "percent").set("percentOff", "50")
                                .set("duration", "once").set("idempotencyKey", UUID.randomUUID().toString())
                                .set("_csrf", csrf))),
                page.request().post(url(base + "/coupons/" + coupon + "/delete"), RequestOptions.create()
                        .setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf))),
                page.request().post(url(base + "/tax-rates/new"), RequestOptions.create().setMaxRedirects(0)
                        .setForm(FormData.create().set("displayName", "Forged").set("percentage", "1")
                                .set("_csrf", csrf))),
                page.request().post(url(base + "/tax-rates/" + rate + "/archive"), RequestOptions.create()
                        .setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf)))}) {
            org.assertj.core.api.Assertions.assertThat(forged.status()).isEqualTo(403);
        }
        org.assertj.core.api.Assertions.assertThat(json(call("GET", "/api/v1/coupons", key, null)).get("data")
                .size()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(json(call("GET", "/api/v1/tax-rates/" + rate, key, null))
                .get("status").asString()).isEqualTo("active");
    }

    @Test
    void couponsAndTaxRatesSpeakSpanishAndFrench() {
        Person owner = signUp("Políglota de cupones");
        String organization = createOrganization(owner, "Cupones e impuestos", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        call("POST", "/api/v1/coupons", key, "{\"name\":\"Verano\",\"percent_off\":12.5,\"duration\":\"repeating\","
                + "\"duration_in_months\":2}");
        call("POST", "/api/v1/tax-rates", key, "{\"display_name\":\"IVA\",\"percentage\":\"21\",\"inclusive\":true}");
        for (String[] language : new String[][] {
                {"es-ES", "Cupones", "Nuevo cupón", "12,5 %", "Durante 2 meses", "Tipos impositivos", "Incluido en los precios"},
                {"fr-FR", "Coupons", "Nouveau coupon", "12,5 %", "Pendant 2 mois", "Taux de taxe", "Inclus dans les prix"}}) {
            try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                    .setBaseURL(url("")).setLocale(language[0]))) {
                Page tab = context.newPage();
                tab.navigate("/login");
                tab.locator("#username").fill(owner.email());
                tab.locator("#password").fill(PASSWORD);
                tab.locator("main").getByRole(AriaRole.BUTTON).click();
                tab.waitForURL("**/app/organizations/" + organization);
                tab.navigate("/app/organizations/" + organization + "/products/coupons");
                assertThat(tab.locator("h1")).hasText(language[1]);
                assertThat(tab.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(language[2]))).isVisible();
                assertThat(tab.getByTestId("off")).hasText(language[3]);
                assertThat(tab.getByTestId("coupon")).containsText(language[4]);
                tab.getByTestId("tab-tax-rates").click();
                assertThat(tab.locator("h1")).hasText(language[5]);
                assertThat(tab.getByTestId("tax-rate")).containsText(language[6]);
            }
        }
    }

    private void create(String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
    }
}
