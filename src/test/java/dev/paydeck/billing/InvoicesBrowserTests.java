package dev.paydeck.billing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.PaymentMethodAttachParams;
import com.stripe.param.TaxRateCreateParams;
import dev.paydeck.support.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.file.Path;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The invoices' pages in a browser: a draft made with two lines (one added with the form's button, with the messages
 * at the fields first), finalized, charged, and seen paid in the organization's Stripe; a viewer sees no write button;
 * the list in Spanish and French.
 */
class InvoicesBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    @Test
    void anOwnerCreatesAnInvoiceFinalizesItAndChargesTheCustomer() throws Exception {
        Person owner = signUp("Invoicer");
        StripeAccount shop = organizationOnItsOwnSandboxAccount(owner, "Lovelace Analytics");
        var stripe = shop.stripe();
        JsonNode customer = json(call("POST", "/api/v1/customers", shop.apiKey(),
                "{\"email\":\"ada@example.com\",\"name\":\"Ada Lovelace\"}"));
        String stripeCustomer = customer.get("stripe_customer_id").asString();
        var card = stripe.v1().paymentMethods().attach("pm_card_visa", PaymentMethodAttachParams.builder()
                .setCustomer(stripeCustomer).build());
        stripe.v1().customers().update(stripeCustomer, CustomerUpdateParams.builder().setInvoiceSettings(
                CustomerUpdateParams.InvoiceSettings.builder().setDefaultPaymentMethod(card.getId()).build()).build());
        String product = json(call("POST", "/api/v1/products", shop.apiKey(), "{\"name\":\"Analysis hour\"}"))
                .get("id").asString();
        call("POST", "/api/v1/prices", shop.apiKey(), "{\"product_id\":\"" + product + "\",\"unit_amount\":12000,"
                + "\"currency\":\"usd\"}");
        String vat = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(new BigDecimal("10")).setInclusive(false).build()).getId();

        signIn(owner);
        page.navigate("/app/organizations/" + shop.organization());
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Invoices").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Invoices");
        assertThat(page.getByTestId("invoices-empty")).containsText("No invoices yet.");

        page.getByTestId("new-invoice").click();
        assertThat(page.locator("h1")).hasText("New invoice");
        page.getByTestId("create-invoice").click();
        assertThat(page.locator("#customer-error")).hasText("Choose one of the organization’s customers.");
        assertThat(page.locator("#lines0-amount-error")).hasText("An amount above zero, e.g. 12.50.");
        assertThat(page.locator("#customer")).hasAttribute("aria-describedby", "customer-error");

        page.getByLabel("Customer").selectOption(customer.get("id").asString());
        page.locator("select[name='lines[0].price']").selectOption(new com.microsoft.playwright.options.SelectOption()
                .setLabel("Analysis hour — $120.00"));
        page.locator("input[name='lines[0].quantity']").fill("2");
        page.getByTestId("add-line").click();
        assertThat(page.getByTestId("line")).hasCount(2);
        page.locator("input[name='lines[1].amount']").fill("30");
        page.locator("input[name='lines[1].description']").fill("Travel");
        page.getByLabel("Tax rate of every line").fill(vat);
        page.getByTestId("create-invoice").click();

        assertThat(page.getByTestId("saved")).containsText("The draft is created");
        assertThat(page.getByTestId("invoice-status")).hasText("Draft");
        assertThat(page.getByTestId("invoice-line")).hasCount(2);
        assertThat(page.getByTestId("invoice-line").first()).containsText("Analysis hour");
        assertThat(page.getByTestId("subtotal")).hasText("$270.00");
        assertThat(page.getByTestId("tax")).hasText("$27.00");
        assertThat(page.getByTestId("total")).hasText("$297.00");
        assertThat(page.locator("[data-action=void]")).hasCount(0);

        page.locator("[data-action=finalize]").click();
        assertThat(page.getByTestId("saved")).hasText("The invoice is finalized: it has its number, page and PDF.");
        assertThat(page.getByTestId("invoice-status")).hasText("Open");
        assertThat(page.getByTestId("hosted-page")).hasAttribute("href",
                java.util.regex.Pattern.compile(".*/sandbox/invoices/in_.*"));
        assertThat(page.getByTestId("pdf")).isVisible();
        assertThat(page.locator("[data-action=finalize]")).hasCount(0);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("invoice.png")).setFullPage(true));

        page.locator("[data-action=pay]").click();
        assertThat(page.getByTestId("saved")).hasText("The invoice is paid.");
        assertThat(page.getByTestId("invoice-status")).hasText("Paid");
        assertThat(page.getByTestId("amount-remaining")).hasText("$0.00");
        assertThat(page.getByTestId("actions")).hasCount(0);
        page.getByLabel("Amount to give back").fill("20");
        page.getByLabel("Reason").selectOption("order_change");
        page.getByTestId("issue-credit-note").click();
        assertThat(page.getByTestId("saved")).hasText("The credit note is issued in Stripe.");
        assertThat(page.getByTestId("credit-note")).containsText("$20.00");
        assertThat(page.getByTestId("credit-note")).containsText("refunded");
        var invoices = stripe.v1().invoices().list().getData();
        org.assertj.core.api.Assertions.assertThat(invoices).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(invoices.get(0).getStatus()).isEqualTo("paid");
        org.assertj.core.api.Assertions.assertThat(invoices.get(0).getAmountPaid()).isEqualTo(29700L);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Invoices")).click();
        assertThat(page.getByTestId("invoice")).hasCount(1);
        assertThat(page.getByTestId("invoice")).containsText("$297.00");
        assertThat(page.locator("[data-group=paid] [data-testid=figure-amount]")).hasText("$297.00");
        page.locator("[data-chip=open]").click();
        assertThat(page.getByTestId("invoices-empty")).containsText("No invoice matches these filters.");
        page.locator("[data-chip=paid]").click();
        assertThat(page.getByTestId("invoice")).hasCount(1);
        var csv = page.request().get(url(page.getByTestId("export").getAttribute("href")));
        org.assertj.core.api.Assertions.assertThat(csv.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(csv.text()).contains("id,number,created_at,status")
                .contains(",paid,", ",USD,270.00,27.00,0.00,297.00,");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("invoices.png")));

        page.navigate("/app/organizations/" + shop.organization());
        assertThat(page.locator("[data-testid=invoice-chart-figures] [data-group=paid]")).containsText("$297.00");
        assertThat(page.locator("#invoice-chart")).hasAttribute("data-drawn", "true");
        page.navigate("/app/organizations/" + shop.organization() + "/invoices?status=paid");
        page.setViewportSize(390, 844);
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("invoices-390.png"))
                .setFullPage(true));
    }

    @Test
    void aViewerSeesInvoicesButNoWriteButtonAndIsRefusedAForgedWrite() {
        Person owner = signUp("Invoice owner");
        String organization = createOrganization(owner, "Viewed invoices", null).get("id").asString();
        String admin = apiKey(owner, organization, "admin");
        String customer = json(call("POST", "/api/v1/customers", admin, "{\"email\":\"grace@example.com\"}"))
                .get("id").asString();
        String invoice = json(call("POST", "/api/v1/invoices", admin, "{\"customer_id\":\"" + customer + "\","
                + "\"lines\":[{\"amount\":900,\"currency\":\"usd\",\"description\":\"Audit\"}]}")).get("id")
                .asString();
        Person viewer = signUp("Invoice viewer");
        call("POST", "/api/v1/organizations/" + organization + "/members", owner.token(),
                "{\"email\":\"" + viewer.email() + "\",\"role\":\"viewer\"}");
        signIn(viewer);
        page.navigate("/app/organizations/" + organization + "/invoices");
        assertThat(page.getByTestId("invoice")).hasCount(1);
        assertThat(page.getByTestId("new-invoice")).hasCount(0);
        page.navigate("/app/organizations/" + organization + "/invoices/" + invoice);
        assertThat(page.getByTestId("invoice-status")).hasText("Draft");
        assertThat(page.getByTestId("actions")).hasCount(0);
        org.assertj.core.api.Assertions.assertThat(page.navigate("/app/organizations/" + organization
                + "/invoices/new").status()).isEqualTo(403);
        page.navigate("/app/organizations/" + organization + "/invoices/" + invoice);
        String csrf = page.locator("meta[name=csrf-token]").getAttribute("content");
        var forged = page.request().post(url("/app/organizations/" + organization + "/invoices/" + invoice
                + "/finalize"), RequestOptions.create().setMaxRedirects(0)
                .setForm(FormData.create().set("_csrf", csrf)));
        org.assertj.core.api.Assertions.assertThat(forged.status()).isEqualTo(403);
        org.assertj.core.api.Assertions.assertThat(json(call("GET", "/api/v1/invoices/" + invoice, admin, null))
                .at("/invoice/status").asString()).isEqualTo("draft");
    }

    @Test
    void theInvoicesPagesSpeakSpanishAndFrench() {
        Person owner = signUp("Polyglot invoicer");
        String organization = createOrganization(owner, "Multilingual invoices", null).get("id").asString();
        String admin = apiKey(owner, organization, "admin");
        String customer = json(call("POST", "/api/v1/customers", admin, "{\"email\":\"marie@example.com\"}"))
                .get("id").asString();
        call("POST", "/api/v1/invoices", admin, "{\"customer_id\":\"" + customer + "\",\"lines\":[{\"amount\":"
                + "1250,\"currency\":\"eur\",\"description\":\"Conseil\"}]}");
        for (String[] language : new String[][] {
                {"es-ES", "Facturas", "Nueva factura", "Borrador", "Los últimos 30 días", "Añadir una línea"},
                {"fr-FR", "Factures", "Nouvelle facture", "Brouillon", "Les 30 derniers jours", "Ajouter une ligne"}}) {
            try (BrowserContext context = page.context().browser().newContext(new Browser.NewContextOptions()
                    .setBaseURL(url("")).setLocale(language[0]))) {
                Page localized = context.newPage();
                signIn(localized, owner);
                localized.navigate("/app/organizations/" + organization + "/invoices");
                assertThat(localized.locator("h1")).hasText(language[1]);
                assertThat(localized.getByTestId("new-invoice")).hasText(language[2]);
                assertThat(localized.getByTestId("invoice-status")).hasText(language[3]);
                assertThat(localized.getByTestId("invoice-statistics")).containsText(language[4]);
                assertThat(localized.getByTestId("invoice")).containsText("12,50");
                localized.getByTestId("new-invoice").click();
                assertThat(localized.getByTestId("add-line")).hasText(language[5]);
            }
        }
    }
}
