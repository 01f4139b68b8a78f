package dev.paydeck.sandbox;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.model.Product;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceUpdateParams;
import com.stripe.param.ProductCreateParams;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The account's "Products" tab: its products, each with its prices as people read them. */
class SandboxProductsBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @Test
    void listsTheAccountsProductsWithTheirPrices() throws Exception {
        signIn(signUp("Catalog keeper"));
        page.navigate("/sandbox");
        page.getByLabel("Name").fill("Catalog shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        String accountUrl = page.url();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Products")).click();
        assertThat(page.getByTestId("no-products")).containsText("No products yet");

        page.navigate(accountUrl);
        page.getByText("Reveal").first().click();
        StripeClient stripe = StripeClient.builder().setApiKey(page.getByTestId("secret-key").textContent().strip())
                .setApiBase(url("/sandbox")).build();
        Product seats = stripe.v1().products().create(ProductCreateParams.builder().setName("Team seats")
                .setDescription("Per seat, billed monthly")
                .setDefaultPriceData(ProductCreateParams.DefaultPriceData.builder().setCurrency("usd")
                        .setUnitAmount(1500L).setRecurring(ProductCreateParams.DefaultPriceData.Recurring.builder()
                                .setInterval(ProductCreateParams.DefaultPriceData.Recurring.Interval.MONTH).build())
                        .build())
                .build());
        stripe.v1().prices().create(PriceCreateParams.builder().setProduct(seats.getId()).setCurrency("usd")
                .setNickname("Yearly").setLookupKey("seats_yearly").setUnitAmount(15000L)
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.YEAR).build()).build());
        var old = stripe.v1().prices().create(PriceCreateParams.builder().setProduct(seats.getId())
                .setCurrency("eur").setUnitAmountDecimal(new BigDecimal("0.25")).build());
        stripe.v1().prices().update(old.getId(), PriceUpdateParams.builder().setActive(false).build());
        stripe.v1().products().create(ProductCreateParams.builder().setName("API calls").build());
        stripe.v1().prices().create(PriceCreateParams.builder().setProductData(PriceCreateParams.ProductData
                        .builder().setName("Storage").build()).setCurrency("usd")
                .setBillingScheme(PriceCreateParams.BillingScheme.TIERED)
                .setTiersMode(PriceCreateParams.TiersMode.GRADUATED)
                .addTier(PriceCreateParams.Tier.builder().setUpTo(100L).setUnitAmount(0L).build())
                .addTier(PriceCreateParams.Tier.builder().setUpTo(PriceCreateParams.Tier.UpTo.INF)
                        .setUnitAmount(2L).build())
                .setRecurring(PriceCreateParams.Recurring.builder()
                        .setInterval(PriceCreateParams.Recurring.Interval.MONTH).setIntervalCount(3L).build())
                .build());

        page.navigate(accountUrl + "/products");

        Locator products = page.getByTestId("product");
        assertThat(products).hasCount(3);
        assertThat(products.nth(0)).containsText("Storage");
        assertThat(products.nth(0)).containsText("Tiered (graduated), 2 tiers");
        assertThat(products.nth(0)).containsText("every 3 months");
        assertThat(products.nth(1)).containsText("API calls");
        assertThat(products.nth(1)).containsText("No prices yet.");
        Locator seatPrices = products.nth(2).locator("tbody tr");
        assertThat(products.nth(2)).containsText("Per seat, billed monthly");
        assertThat(seatPrices).hasCount(3);
        assertThat(seatPrices.nth(0)).containsText("EUR 0.0025");
        assertThat(seatPrices.nth(0)).containsText("archived");
        assertThat(seatPrices.nth(1)).containsText("$150.00");
        assertThat(seatPrices.nth(1)).containsText("per year");
        assertThat(seatPrices.nth(1)).containsText("seats_yearly");
        assertThat(seatPrices.nth(2)).containsText("$15.00");
        assertThat(seatPrices.nth(2)).containsText("default");
        page.setViewportSize(1280, 900);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sandbox-products.png"))
                .setFullPage(true));
        page.setViewportSize(390, 844);
        assertThat(products.nth(2)).containsText("$15.00");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sandbox-products-390.png")));

        page.context().clearCookies();
        signIn(signUp("Someone else"));
        org.assertj.core.api.Assertions.assertThat(page.navigate(accountUrl + "/products").status())
                .as("another person's account").isEqualTo(404);
    }
}
