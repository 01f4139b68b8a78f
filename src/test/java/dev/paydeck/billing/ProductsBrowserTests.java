package dev.paydeck.billing;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.stripe.param.PriceListParams;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The catalog's pages in a browser: create a product with a monthly price (with the messages at the fields), add a
 * yearly price, archive the monthly one, and find all of it in the organization's Stripe; a viewer reads but sees no
 * write button and is refused a forged write; the list in Spanish and French.
 */
class ProductsBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @Test
    void anOwnerCreatesAProductAddsAYearlyPriceAndArchivesTheMonthlyOne() throws Exception {
        Person owner = signUp("Catalog keeper");
        StripeAccount shop = organizationOnItsOwnSandboxAccount(owner, "Hopper Software");
        signIn(owner);
        page.navigate("/app/organizations/" + shop.organization());
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Products").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Products");
        assertThat(page.getByTestId("products-empty")).containsText("No products yet.");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New product")).click();
        page.getByLabel("Amount").fill("15.001");
        create();
        assertThat(page.locator("#name-error")).hasText("Please give the product a name.");
        assertThat(page.locator("#amount-error")).hasText("Type an amount such as 15.00, with no more decimals than "
                + "the currency has.");
        assertThat(page.locator("#amount")).hasAttribute("aria-describedby", "amount-error");
        page.getByLabel("Name").fill("Pro plan");
        page.getByLabel("Description (optional)").fill("Everything, with priority support");
        page.getByLabel("Amount").fill("15.00");
        page.getByLabel("Currency").selectOption("usd");
        page.getByLabel("Charged").selectOption("month");
        create();
        assertThat(page.locator("h1")).containsText("Pro plan");
        assertThat(page.getByTestId("saved")).hasText("The product and its price are created, in Paydeck and in "
                + "Stripe.");
        assertThat(page.getByTestId("price")).hasCount(1);
        assertThat(page.getByTestId("price")).containsText("$15.00 per month");

        page.getByLabel("Amount").fill("150");
        page.getByLabel("Charged").selectOption("year");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add the price")).click();
        assertThat(page.getByTestId("saved")).hasText("The price is added, in Paydeck and in Stripe.");
        assertThat(page.getByTestId("price")).hasCount(2);
        assertThat(page.getByTestId("price").nth(1)).containsText("$150.00 per year");

        page.getByTestId("price").filter(new Locator.FilterOptions().setHasText("per month"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Archive")).click();
        assertThat(page.getByTestId("saved")).hasText("The price is archived: no new purchase can use it.");
        assertThat(page.locator("[data-testid=price][data-status=archived]")).containsText("$15.00 per month");
        assertThat(page.locator("[data-testid=price][data-status=active]")).containsText("$150.00 per year");

        // In the organization's Stripe, as stripe-java sees it.
        var stripe = shop.stripe();
        var products = stripe.v1().products().list().getData();
        org.assertj.core.api.Assertions.assertThat(products).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(products.get(0).getName()).isEqualTo("Pro plan");
        var prices = stripe.v1().prices().list(PriceListParams.builder().setProduct(products.get(0).getId()).build())
                .getData();
        org.assertj.core.api.Assertions.assertThat(prices).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(prices).anySatisfy(price -> {
            org.assertj.core.api.Assertions.assertThat(price.getUnitAmount()).isEqualTo(1500L);
            org.assertj.core.api.Assertions.assertThat(price.getRecurring().getInterval()).isEqualTo("month");
            org.assertj.core.api.Assertions.assertThat(price.getActive()).isFalse();
        });
        org.assertj.core.api.Assertions.assertThat(prices).anySatisfy(price -> {
            org.assertj.core.api.Assertions.assertThat(price.getUnitAmount()).isEqualTo(15000L);
            org.assertj.core.api.Assertions.assertThat(price.getRecurring().getInterval()).isEqualTo("year");
            org.assertj.core.api.Assertions.assertThat(price.getActive()).isTrue();
        });
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("product-detail.png"))
                .setFullPage(true));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Products")).click();
        assertThat(page.getByTestId("product")).hasCount(1);
        assertThat(page.getByTestId("product")).containsText("$150.00 per year");
        assertThat(page.getByTestId("product")).containsText("$15.00 per month");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("products.png")));

        // Archiving the product moves it to the archived filter; it takes no new price.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pro plan")).click();
        page.getByTestId("archive-product").click();
        assertThat(page.getByTestId("saved")).containsText("The product is archived");
        assertThat(page.getByTestId("add-price")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(stripe.v1().products().retrieve(products.get(0).getId())
                .getActive()).isFalse();
        page.navigate("/app/organizations/" + shop.organization() + "/products");
        assertThat(page.getByTestId("products-empty")).containsText("No products yet.");
        page.getByTestId("archived-filter").click();
        assertThat(page.getByTestId("product")).hasCount(1);
        assertThat(page.getByTestId("product")).containsText("Pro plan");
    }

    @Test
    void aFormSentTwiceCreatesOneProduct() {
        Person owner = signUp("Double clicker");
        String organization = createOrganization(owner, "Twice", null).get("id").asString();
        signIn(owner);
        page.navigate("/app/organizations/" + organization + "/products/new");
        String key = page.locator("input[name=idempotencyKey]").inputValue();
        String csrf = page.locator("main input[name=_csrf]").inputValue();
        String[] answers = new String[2];
        for (int i = 0; i < 2; i++) {
            APIResponse sent = page.request().post(url("/app/organizations/" + organization + "/products/new"),
                    RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("name", "Once")
                            .set("amount", "9.99").set("currency", "eur").set("billing", "one_time")
                            .set("intervalCount", "1").set("idempotencyKey", key).set("_csrf", csrf)));
            org.assertj.core.api.Assertions.assertThat(sent.status()).isEqualTo(302);
            answers[i] = sent.headers().get("location");
        }
        org.assertj.core.api.Assertions.assertThat(answers[1]).isEqualTo(answers[0]);
        page.navigate("/app/organizations/" + organization + "/products");
        assertThat(page.getByTestId("product")).hasCount(1);
        assertThat(page.getByTestId("price")).hasCount(1);
        assertThat(page.getByTestId("price")).containsText("once");
    }

    @Test
    void aViewerSeesNoWriteButtonAndIsRefusedAForgedWrite() {
        Person owner = signUp("Owner of products");
        Person viewer = signUp("Product viewer");
        String organization = createOrganization(owner, "Viewed products", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Read only plan\"}")).get("id")
                .asString();
        String price = json(call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\","
                + "\"unit_amount\":500,\"currency\":\"usd\",\"recurring\":{\"interval\":\"month\"}}")).get("id")
                .asString();
        call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");

        signIn(viewer);
        page.navigate("/app/organizations/" + organization + "/products");
        assertThat(page.getByTestId("product")).hasCount(1);
        assertThat(page.getByTestId("new-product")).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Read only plan")).click();
        assertThat(page.getByTestId("price")).containsText("$5.00 per month");
        assertThat(page.getByTestId("archive-price")).hasCount(0);
        assertThat(page.getByTestId("archive-product")).hasCount(0);
        assertThat(page.getByTestId("add-price")).hasCount(0);

        org.assertj.core.api.Assertions.assertThat(page.navigate("/app/organizations/" + organization
                + "/products/new").status()).isEqualTo(403);
        page.navigate("/app/organizations/" + organization + "/products/" + product);
        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        String base = "/app/organizations/" + organization + "/products";
        for (APIResponse forged : new APIResponse[] {
                page.request().post(url(base + "/new"), RequestOptions.create().setMaxRedirects(0)
                        .setForm(FormData.create().set("name", "Forged").set("amount", "1").set("currency", "usd")
                                .set("billing", "month").set("idempotencyKey", UUID.randomUUID().toString())
                                .set("_csrf", csrf))),
                page.request().post(url(base + "/" + product + "/prices/" + price + "/archive"),
                        RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf))),
                page.request().post(url(base + "/" + product + "/archive"),
                        RequestOptions.create().setMaxRedirects(0).setForm(FormData.create().set("_csrf", csrf))),
                page.request().post(url(base + "/" + product + "/prices"), RequestOptions.create().setMaxRedirects(0)
                        .setForm(FormData.create().set("amount", "1").set("currency", "usd").set("billing", "year")
                                .set("_csrf", csrf)))}) {
            org.assertj.core.api.Assertions.assertThat(forged.status()).isEqualTo(403);
        }
        page.reload();
        assertThat(page.locator("[data-testid=price][data-status=active]")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(json(call("GET", "/api/v1/products", key, null)).get("data")
                .size()).isEqualTo(1);
    }

    @Test
    void theProductsListSpeaksSpanishAndFrench() {
        Person owner = signUp("Políglota");
        String organization = createOrganization(owner, "Idiomas y productos", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        String product = json(call("POST", "/api/v1/products", key, "{\"name\":\"Plan anual\"}")).get("id")
                .asString();
        call("POST", "/api/v1/prices", key, "{\"product_id\":\"" + product + "\",\"unit_amount\":12000,"
                + "\"currency\":\"eur\",\"recurring\":{\"interval\":\"year\"}}");
        for (String[] language : new String[][] {
                {"es-ES", "Productos", "Nuevo producto", "al año", "Archivados", "No hay productos archivados."},
                {"fr-FR", "Produits", "Nouveau produit", "par an", "Archivés", "Aucun produit archivé."}}) {
            try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                    .setBaseURL(url("")).setLocale(language[0]))) {
                Page tab = context.newPage();
                tab.navigate("/login");
                tab.locator("#username").fill(owner.email());
                tab.locator("#password").fill(PASSWORD);
                tab.locator("main").getByRole(AriaRole.BUTTON).click();
                tab.waitForURL("**/app/organizations/" + organization);
                tab.navigate("/app/organizations/" + organization + "/products");
                assertThat(tab.locator("h1")).hasText(language[1]);
                assertThat(tab.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(language[2]))).isVisible();
                assertThat(tab.getByTestId("price")).containsText("120,00");
                assertThat(tab.getByTestId("price")).containsText(language[3]);
                tab.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(language[4])).click();
                assertThat(tab.getByTestId("products-empty")).containsText(language[5]);
            }
        }
    }

    private void create() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create the product")).click();
    }
}
