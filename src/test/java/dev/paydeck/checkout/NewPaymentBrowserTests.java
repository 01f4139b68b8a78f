package dev.paydeck.checkout;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paydeck.payments.PaymentQuery;
import dev.paydeck.payments.Payments;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpRequest;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Staff make a payment on {@code /app/organizations/{id}/payments/new} and get its link; the customer pays it in
 * another browser on the hosted payment page. Bad amounts and currencies are refused at the field; viewers are refused.
 */
class NewPaymentBrowserTests extends BrowserTest {

    @Autowired
    Payments payments;

    private Person owner;
    private String organization;

    @BeforeEach
    void anOrganization() {
        owner = signUp("Invoicing owner");
        organization = createOrganization(owner, "Consulting Co", null).get("id").asString();
    }

    @Test
    void aPaymentLinkIsMadeAndPaidInAnotherBrowser() {
        signIn(page, owner);
        page.navigate("/app/organizations/" + organization + "/payments/new");
        assertThat(page.locator("h1")).hasText("New payment");
        assertThat(page.getByLabel("Currency")).hasValue("USD");
        page.getByLabel("Amount").fill("120.50");
        page.getByLabel("Description (optional)").fill("Workshop, 2 hours");
        page.getByLabel("Customer email (optional)").fill("client@example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create payment and link")).click();

        assertThat(page.getByTestId("pay-link-created")).containsText("Payment of $120.50 created.");
        String link = page.locator("#pay-link").inputValue();
        org.assertj.core.api.Assertions.assertThat(link).matches("http://localhost:\\d+/pay/[A-Za-z0-9_-]{43}");
        page.context().grantPermissions(java.util.List.of("clipboard-read", "clipboard-write"));
        page.locator("#copy-pay-link").click();
        assertThat(page.locator("#copy-status")).hasText("Link copied.");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => navigator.clipboard.readText()"))
                .isEqualTo(link);
        page.screenshot(new Page.ScreenshotOptions().setPath(ShopBrowserTests.SCREENSHOTS.resolve("new-payment.png")));

        try (BrowserContext customer = page.context().browser().newContext()) {
            Page tab = customer.newPage();
            tab.navigate(link);
            assertThat(tab.locator("h1")).hasText("Consulting Co");
            assertThat(tab.locator("#amount-due")).hasText("$120.50");
            assertThat(tab.locator("main")).containsText("Workshop, 2 hours");
            assertThat(tab.locator("#submit")).isEnabled();
            dev.paydeck.support.PaymentElement.fillCard(tab, "4242424242424242");
            tab.locator("#submit").click();
            assertThat(tab.locator("h1")).hasText("Thank you: payment received");
            assertThat(tab.locator("#payment-amount")).hasText("$120.50");
            assertThat(tab.locator("#payment-status")).hasText("succeeded");
            // This organization has no storefront: no way back to one.
            assertThat(tab.getByText("Back to the shop")).hasCount(0);

            // The link, opened again once paid, shows how it went instead of taking a second payment.
            tab.navigate(link);
            assertThat(tab).hasURL(Pattern.compile(".*/complete$"));
            assertThat(tab.locator("#payment-status")).hasText("succeeded");
        }
        var made = payments.list(OrganizationId.parse(organization).orElseThrow(),
                new PaymentQuery(null, null, null, null, 10, null));
        org.assertj.core.api.Assertions.assertThat(made).singleElement().satisfies(payment -> {
            org.assertj.core.api.Assertions.assertThat(payment.amount().minor()).isEqualTo(12_050L);
            org.assertj.core.api.Assertions.assertThat(payment.status().code()).isEqualTo("succeeded");
        });
    }

    @Test
    void badAmountsAndCurrenciesAreRefusedAtTheField() {
        signIn(page, owner);
        page.navigate("/app/organizations/" + organization + "/payments/new");

        assertThat(amountError("0", "USD")).hasText("The amount must be more than zero.");
        assertThat(amountError("twelve", "USD"))
                .hasText("Enter a number, with at most 2 digits after the point (e.g. 12.50).");
        assertThat(amountError("0.30", "USD")).hasText("Stripe charges at least $0.50 in this currency.");
        assertThat(amountError("12.5", "JPY"))
                .hasText("Enter a number, with at most 0 digits after the point (e.g. 12.50).");
        assertThat(page.getByLabel("Amount")).hasAttribute("aria-describedby", "amount-error");

        page.getByLabel("Amount").fill("10");
        page.getByLabel("Currency").fill("XYZ");
        submit();
        assertThat(page.locator("#currency-error")).hasText("Enter a currency code such as USD or EUR.");
        assertThat(page.getByLabel("Amount")).hasValue("10");
        org.assertj.core.api.Assertions.assertThat(payments.list(OrganizationId.parse(organization).orElseThrow(),
                new PaymentQuery(null, null, null, null, 10, null))).isEmpty();
    }

    @Test
    void theFormSpeaksSpanishWithLocalAmounts() {
        try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(url("")).setLocale("es-ES"))) {
            Page tab = context.newPage();
            signIn(tab, owner);
            tab.navigate("/app/organizations/" + organization + "/payments/new");
            assertThat(tab.locator("h1")).hasText("Nuevo pago");
            tab.getByLabel("Importe").fill("0,30");
            tab.locator("main form button[type=submit]").click();
            assertThat(tab.locator("#amount-error")).hasText("Stripe cobra como mínimo 0,50 US$ en esta moneda.");
            tab.getByLabel("Importe").fill("12,50");
            tab.locator("main form button[type=submit]").click();
            assertThat(tab.getByTestId("pay-link-created")).containsText("Pago de 12,50 US$ creado.");
        }
    }

    @Test
    void aDoubleSubmittedFormMakesOnePayment() {
        String cookie = signedInCookie(owner);
        String path = "/app/organizations/" + organization + "/payments/new";
        var form = send(request(path).header("Cookie", cookie).GET());
        String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        String key = form.body().replaceAll("(?s).*name=\"idempotencyKey\" value=\"([^\"]+)\".*", "$1");
        String body = "amount=25&currency=EUR&description=&customerEmail=&idempotencyKey=" + key + "&_csrf=" + csrf;
        for (int i = 0; i < 2; i++) {
            var posted = send(request(path).header("Cookie", cookie)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            org.assertj.core.api.Assertions.assertThat(posted.statusCode()).isEqualTo(302);
        }
        org.assertj.core.api.Assertions.assertThat(payments.list(OrganizationId.parse(organization).orElseThrow(),
                new PaymentQuery(null, null, null, null, 10, null))).singleElement()
                .satisfies(payment -> org.assertj.core.api.Assertions.assertThat(payment.amount().format())
                        .isEqualTo("€25.00"));
    }

    @Test
    void aViewerIsRefused() {
        Person viewer = signUp("Viewer");
        call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");
        String path = "/app/organizations/" + organization + "/payments/new";

        signIn(page, viewer);
        org.assertj.core.api.Assertions.assertThat(page.navigate(path).status()).isEqualTo(403);

        // Posting anyway, with a valid session and CSRF token, is refused too and makes nothing.
        String cookie = signedInCookie(viewer);
        var dashboard = send(request("/app/organizations/" + organization).header("Cookie", cookie).GET());
        String csrf = dashboard.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var posted = send(request(path).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("amount=25&currency=USD&_csrf=" + csrf)));
        org.assertj.core.api.Assertions.assertThat(posted.statusCode()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(payments.list(OrganizationId.parse(organization).orElseThrow(),
                new PaymentQuery(null, null, null, null, 10, null))).isEmpty();
    }

    @Test
    void anotherOrganizationsPeopleFindNothingThere() {
        Person stranger = signUp("Stranger");
        createOrganization(stranger, "Elsewhere Ltd", null);

        signIn(page, stranger);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/app/organizations/" + organization
                + "/payments/new").status()).isEqualTo(404);
    }

    private com.microsoft.playwright.Locator amountError(String amount, String currency) {
        page.getByLabel("Amount").fill(amount);
        page.getByLabel("Currency").fill(currency);
        submit();
        return page.locator("#amount-error");
    }

    private void submit() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create payment and link")).click();
    }

    /** The session cookie of this person, signed in through the sign-in form over plain HTTP. */
    private String signedInCookie(Person person) {
        var login = get("/login", "text/html");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String csrf = login.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        var signedIn = send(request("/login").header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + java.net.URLEncoder.encode(person.email(),
                        java.nio.charset.StandardCharsets.UTF_8) + "&password=" + PASSWORD.replace(' ', '+')
                        + "&_csrf=" + csrf)));
        return signedIn.headers().firstValue("Set-Cookie").orElse(cookie).split(";")[0];
    }
}
