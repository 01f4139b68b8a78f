package dev.paydeck.checkout;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.payments.PaymentQuery;
import dev.paydeck.payments.Payments;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.PaymentElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A buyer on an organization's storefront: picks a book, gives an email, pays on the hosted payment page with the
 * sandbox's Stripe.js and Stripe's test cards, and lands on the success page; the organization's owner then sees the
 * payment in the dashboard's totals.
 */
class ShopBrowserTests extends BrowserTest {

    static final Path SCREENSHOTS = Path.of("docs/screenshots");
    private static final Pattern PAY_PAGE = Pattern.compile(".*/pay/[A-Za-z0-9_-]{43}$");
    private static final Pattern COMPLETE_PAGE = Pattern.compile(".*/pay/[A-Za-z0-9_-]{43}/complete.*");

    @Autowired
    ShopItems items;

    @Autowired
    Payments payments;

    private Person owner;
    private String organization;

    @BeforeEach
    void aBookshop() {
        owner = signUp("Bookshop owner");
        organization = createOrganization(owner, "Book Corner", null).get("id").asString();
        stock(items, organization);
    }

    /** The books of a test shop (as the Demo Shop's, in USD). */
    static void stock(ShopItems items, String organization) {
        OrganizationId id = OrganizationId.parse(organization).orElseThrow();
        items.add(id, "Pride and Prejudice", "Jane Austen", "/images/shop/pride-and-prejudice.svg", Money.of(1200, "USD"));
        items.add(id, "Moby-Dick", "Herman Melville", "/images/shop/moby-dick.svg", Money.of(1550, "USD"));
        items.add(id, "Frankenstein", "Mary Shelley", "/images/shop/frankenstein.svg", Money.of(999, "USD"));
        items.add(id, "The Time Machine", "H. G. Wells", "/images/shop/the-time-machine.svg", Money.of(850, "USD"));
    }

    @Test
    void aPurchaseWithTheSuccessCardEndsOnTheSuccessPageAndCountsInTheDashboard() {
        page.navigate("/shop/" + organization);
        assertThat(page.locator("h1")).hasText("Book Corner");
        assertThat(page.getByTestId("shop-items").locator("li")).hasCount(4);
        assertThat(page.getByTestId("shop-items")).containsText("Herman Melville");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("shop.png")).setFullPage(true));

        buy("Moby-Dick", "ishmael@example.com");
        assertThat(page.locator("#amount-due")).hasText("$15.50");
        fillCard("4242424242424242");
        pay();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Thank you: payment received");
        assertThat(page.locator("#payment-id")).hasText(Pattern.compile("^pi_\\w+$"));
        assertThat(page.locator("#payment-amount")).hasText("$15.50");
        assertThat(page.locator("#payment-status")).hasText("succeeded");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("shop-success.png")));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the shop")))
                .hasAttribute("href", "/shop/" + organization);

        var recorded = payments.list(id(), new PaymentQuery(null, null, null, null, 10, null));
        org.assertj.core.api.Assertions.assertThat(recorded).singleElement().satisfies(payment -> {
            org.assertj.core.api.Assertions.assertThat(payment.stripePaymentIntentId())
                    .isEqualTo(page.locator("#payment-id").textContent());
            org.assertj.core.api.Assertions.assertThat(payment.description()).isEqualTo("Moby-Dick — Herman Melville");
        });

        signIn(owner);
        page.navigate("/app/organizations/" + organization);
        var today = page.locator("[data-period=today]");
        assertThat(today.locator("[data-figure=count]")).hasText("1");
        assertThat(today.locator("[data-figure=gross]")).hasText("$15.50");
        // And in the organization's payments, where its page names the PaymentIntent the buyer was shown.
        String intent = recorded.getFirst().stripePaymentIntentId();
        page.navigate("/app/organizations/" + organization + "/payments");
        assertThat(page.locator("main")).containsText("Moby-Dick — Herman Melville");
        page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("$15.50")).first()
                .click();
        assertThat(page.locator("main")).containsText(intent);
    }

    @Test
    void aDeclineShowsStripesMessageAndTheBuyerRetriesTheSamePayment() {
        page.navigate("/shop/" + organization);
        buy("Frankenstein", "mary@example.com");
        String intent = page.locator("#payment-form").getAttribute("data-payment-intent");
        String payPage = page.url();

        fillCard("4000000000000002");
        pay();
        assertThat(page.locator("#payment-message")).hasText("Your card was declined.");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("pay-declined.png")));
        assertThat(page).hasURL(payPage);
        assertThat(page.locator("#submit")).isEnabled();

        fillCard("4242424242424242");
        pay();
        assertThat(page.locator("h1")).hasText("Thank you: payment received");
        assertThat(page.locator("#payment-id")).hasText(intent);
        assertThat(page.locator("#payment-amount")).hasText("$9.99");
        org.assertj.core.api.Assertions.assertThat(payments.list(id(), new PaymentQuery(null, null, null, null, 10, null)))
                .singleElement().satisfies(payment -> org.assertj.core.api.Assertions
                        .assertThat(payment.status().code()).isEqualTo("succeeded"));
    }

    @Test
    void aThreeDSecureChallengeCompletedEndsOnTheSuccessPage() {
        page.navigate("/shop/" + organization);
        buy("The Time Machine", "wells@example.com");
        String intent = page.locator("#payment-form").getAttribute("data-payment-intent");

        fillCard("4000002760003184");
        pay();
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/3ds/" + intent + ".*"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Complete"))).click();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Thank you: payment received");
        assertThat(page.locator("#payment-id")).hasText(intent);
        assertThat(page.locator("#payment-status")).hasText("succeeded");
    }

    @Test
    void aThreeDSecureChallengeFailedSaysSoAndTheBuyerMayTryAgain() {
        page.navigate("/shop/" + organization);
        buy("The Time Machine", "wells@example.com");
        String intent = page.locator("#payment-form").getAttribute("data-payment-intent");

        fillCard("4000002760003184");
        pay();
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/3ds/" + intent + ".*"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Fail"))).click();

        assertThat(page).hasURL(COMPLETE_PAGE);
        assertThat(page.locator("h1")).hasText("Payment failed");
        assertThat(page.locator("#payment-status")).hasText("requires_payment_method");
        assertThat(page.locator("#payment-failure")).not().isEmpty();

        page.locator("#try-again").click();
        assertThat(page).hasURL(PAY_PAGE);
        assertThat(page.locator("#payment-form")).hasAttribute("data-payment-intent", intent);
        fillCard("4242424242424242");
        pay();
        assertThat(page.locator("h1")).hasText("Thank you: payment received");
        assertThat(page.locator("#payment-id")).hasText(intent);
    }

    @Test
    void theEmailIsCheckedAtTheField() {
        page.navigate("/shop/" + organization);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Buy Moby-Dick")).click();
        page.getByLabel("Your email").fill("not an email");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();

        assertThat(page.locator("#email-error")).hasText("Enter an email address such as name@example.com.");
        assertThat(page.getByLabel("Your email")).hasAttribute("aria-describedby", "email-error");
        org.assertj.core.api.Assertions.assertThat(payments.list(id(), new PaymentQuery(null, null, null, null, 10, null)))
                .isEmpty();
    }

    @Test
    void aDoubleSubmittedPurchaseIsOnePayment() {
        var item = get("/shop/" + organization, "text/html").body()
                .replaceAll("(?s).*href=\"(/shop/[^\"]+/items/[^\"]+)\".*", "$1");
        var form = get(item, "text/html");
        String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String key = form.body().replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        String body = "email=twice%40example.com&idempotencyKey=" + key + "&_csrf=" + csrf;

        var first = send(request(item).header("Cookie", cookie).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        var second = send(request(item).header("Cookie", cookie).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));

        org.assertj.core.api.Assertions.assertThat(first.statusCode()).isEqualTo(302);
        org.assertj.core.api.Assertions.assertThat(second.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location")).get().asString().matches(".*/pay/[A-Za-z0-9_-]{43}$");
        org.assertj.core.api.Assertions.assertThat(payments.list(id(), new PaymentQuery(null, null, null, null, 10, null)))
                .hasSize(1);

        // The payment page may load Stripe's own Stripe.js (organizations on Stripe); the shop's pages may not.
        var payPage = get(first.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", ""),
                "text/html");
        org.assertj.core.api.Assertions.assertThat(payPage.statusCode()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(payPage.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> org.assertj.core.api.Assertions.assertThat(csp)
                        .contains("script-src 'self' https://js.stripe.com").contains("frame-ancestors 'none'"));
        org.assertj.core.api.Assertions.assertThat(form.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> org.assertj.core.api.Assertions.assertThat(csp)
                        .doesNotContain("stripe.com"));
    }

    @Test
    void theShopFitsAPhone() {
        page.setViewportSize(390, 844);
        page.navigate("/shop/" + organization);
        assertThat(page.getByTestId("shop-items").locator("li")).hasCount(4);
        org.assertj.core.api.Assertions.assertThat(page.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("shop-390.png")));
    }

    @Test
    void theShopSpeaksSpanishAndFrench() {
        for (var language : new String[][] {
                {"es-ES", "Comprar", "Continuar al pago", "Tu correo electrónico"},
                {"fr-FR", "Acheter", "Continuer vers le paiement", "Votre e-mail"}}) {
            try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                    .setBaseURL(url("")).setLocale(language[0]))) {
                Page tab = context.newPage();
                tab.navigate("/shop/" + organization);
                assertThat(tab.locator("html")).hasAttribute("lang", language[0].substring(0, 2));
                assertThat(tab.getByTestId("shop-items").getByRole(AriaRole.LINK).first()).hasText(language[1]);
                assertThat(tab.getByTestId("shop-items")).containsText("12,00");
                tab.getByTestId("shop-items").getByRole(AriaRole.LINK).nth(1).click();
                assertThat(tab.getByLabel(language[3])).isVisible();
                tab.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(language[2])).click();
                assertThat(tab.locator("#email-error")).isVisible();
                assertThat(tab.locator("#email-error")).not().containsText("Enter");
            }
        }
    }

    @Test
    void whenStripeIsDownTheBuyerIsToldSoAndKeepsWhatTheyTyped() {
        StripeAccount down = organizationOnItsOwnSandboxAccount(owner, "Offline Books");
        stock(items, down.organization());
        down.fault("unavailable");
        try {
            page.navigate("/shop/" + down.organization());
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Buy Moby-Dick")).click();
            page.getByLabel("Your email").fill("patient@example.com");
            var answer = page.waitForResponse(response -> response.request().method().equals("POST"), () ->
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment"))
                            .click());
            org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(200);
            assertThat(page.locator("#shop-problem")).hasText(
                    "Payments are unavailable right now. Please try again in a few minutes.");
            assertThat(page.getByLabel("Your email")).hasValue("patient@example.com");
        } finally {
            down.fault("none");
        }
    }

    @Test
    void anUnknownShopOrItemIsNotFound() {
        org.assertj.core.api.Assertions.assertThat(page.navigate("/shop/not-an-organization").status())
                .isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/shop/" + java.util.UUID.randomUUID()).status())
                .isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/shop/" + organization + "/items/"
                + java.util.UUID.randomUUID()).status()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/pay/" + "x".repeat(43)).status())
                .isEqualTo(404);
    }

    private OrganizationId id() {
        return OrganizationId.parse(organization).orElseThrow();
    }

    private void buy(String title, String email) {
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Buy " + title)).click();
        assertThat(page.locator("h1")).hasText(title);
        page.getByLabel("Your email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
        assertThat(page).hasURL(PAY_PAGE);
        assertThat(page.locator("#submit")).isEnabled();
    }

    private void fillCard(String number) {
        PaymentElement.fillCard(page, number);
    }

    private void pay() {
        page.locator("#submit").click();
    }
}
