package dev.paydeck.demo;

import dev.paydeck.organizations.StripeClients;
import dev.paydeck.payments.Payment;
import dev.paydeck.payments.PaymentQuery;
import dev.paydeck.payments.Payments;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** The Demo Shop's storefront sells books, and the sandbox's checkout demo charges the Demo Shop. */
class DemoShopStorefrontBrowserTests extends BrowserTest {

    @Autowired
    DemoData demo;

    @Autowired
    DemoShop demoShop;

    @Autowired
    StripeClients stripe;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void aClaimedDemoShop() {
        // This application's own Demo Shop: one made earlier in the shared database by another instance of the test
        // run (another port) would have its sandbox send webhooks to that instance's address, now closed.
        jdbc.sql("delete from demo_organizations").update();
        demo.createDemoOrganization();
        // Someone signs up and owns it, as in a real first run (an unclaimed one would go to another test's person).
        signUp("Demo owner");
    }

    @Test
    void theDemoShopSellsBooksWithCovers() {
        OrganizationId shop = demoShop.organization().orElseThrow();
        page.navigate("/shop/" + shop);

        assertThat(page.locator("h1")).hasText("Demo Shop");
        assertThat(page.getByTestId("shop-items")).containsText("Pride and Prejudice");
        assertThat(page.getByTestId("shop-items")).containsText("Jane Austen");
        assertThat(page.getByTestId("shop-items")).containsText("$12.00");
        String cover = page.getByTestId("shop-items").locator("img").first().getAttribute("src");
        var image = get(cover, "image/*");
        org.assertj.core.api.Assertions.assertThat(image.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(image.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("image/svg+xml");
    }

    @Test
    void theCheckoutDemoChargesTheDemoShopWhosePaymentsThenHoldIt() {
        OrganizationId shop = demoShop.organization().orElseThrow();
        page.navigate("/sandbox/checkout-demo");
        assertThat(page.locator("#demo-shop-notice")).containsText("Demo Shop");
        assertThat(page.locator("#demo-shop-notice a")).hasAttribute("href", "/shop/" + shop);
        assertThat(page.locator("#payment-form")).hasAttribute("data-publishable-key", stripe.publishableKey(shop));
        String intent = page.locator("#payment-form").getAttribute("data-payment-intent");

        page.getByLabel("Card number").fill("4242424242424242");
        page.getByLabel("Expiration date").fill("12 / 34");
        page.getByLabel("Security code").fill("123");
        page.getByLabel("Postal code").fill("10115");
        page.locator("#submit").click();
        assertThat(page.locator("h1")).hasText("Payment succeeded");

        // Stripe's webhook brings it into the Demo Shop's payments (and so its dashboard).
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<Payment> found = List.of();
        while (found.isEmpty() && Instant.now().isBefore(deadline)) {
            found = payments.list(shop, new PaymentQuery(null, null, null, null, 100, null)).stream()
                    .filter(payment -> intent.equals(payment.stripePaymentIntentId())
                            && payment.status().code().equals("succeeded"))
                    .toList();
            page.waitForTimeout(200);
        }
        org.assertj.core.api.Assertions.assertThat(found).singleElement()
                .satisfies(payment -> org.assertj.core.api.Assertions.assertThat(payment.amountReceived().minor())
                        .isEqualTo(2000L));
    }
}
