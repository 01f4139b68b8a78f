package dev.paydeck.sandbox;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.stripe.StripeClient;
import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import dev.paydeck.support.Axe;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.PaymentElement;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A customer paying a finalized invoice on its hosted page (the address in {@code hosted_invoice_url}) through the
 * sandbox's Stripe.js, without signing in: what they see, what the merchant's stripe-java reads afterwards, the PDF
 * they download; and the merchant's Invoices tab on the sandbox's account page.
 */
class HostedInvoiceBrowserTests extends BrowserTest {

    private static final Path SCREENSHOTS = Path.of("docs/screenshots");

    private StripeClient stripe;

    @BeforeEach
    void sandboxAccount() {
        var response = send(request("/sandbox/accounts?name=Northwind%20Studio").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
        stripe = client(json(response).get("secret_key").asString());
    }

    @Test
    void payingWithTheSuccessCardPaysTheInvoiceAndItsPdfSaysWhatItSays() throws Exception {
        Invoice invoice = finalizedInvoice(stripe);

        page.setViewportSize(1280, 900);
        page.navigate(path(invoice.getHostedInvoiceUrl()));
        assertThat(page.getByTestId("seller")).hasText("Northwind Studio");
        assertThat(page.getByTestId("invoice-number")).hasText(invoice.getNumber());
        assertThat(page.getByTestId("invoice-status")).hasText("Open");
        assertThat(page.getByTestId("amount-due")).hasText("$154.50");
        assertThat(page.getByTestId("customer")).containsText("Grace Hopper");
        Locator lines = page.getByTestId("invoice-line");
        assertThat(lines).hasCount(2);
        assertThat(lines.nth(0)).containsText("Design review");
        assertThat(lines.nth(0)).containsText("$120.00");
        assertThat(lines.nth(1)).containsText("Travel");
        assertThat(page.getByTestId("invoice-total")).hasText("$154.50");
        assertThat(page.locator("#submit")).isEnabled();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sandbox-hosted-invoice.png"))
                .setFullPage(true));

        PaymentElement.fillCard(page, "4242424242424242");
        page.locator("#submit").click();

        assertThat(page).hasURL(Pattern.compile(".*/sandbox/invoices/" + invoice.getId()
                + "\\?.*redirect_status=succeeded.*"));
        assertThat(page.getByTestId("invoice-status")).hasText("Paid");
        assertThat(page.getByTestId("receipt")).containsText("$154.50 paid on");
        assertThat(page.getByTestId("receipt")).containsText("Visa •••• 4242");
        assertThat(page.getByTestId("amount-remaining")).hasText("$0.00");
        assertThat(page.locator("#invoice-payment-form")).hasCount(0);
        Invoice after = stripe.v1().invoices().retrieve(invoice.getId());
        org.assertj.core.api.Assertions.assertThat(after.getStatus()).isEqualTo("paid");
        org.assertj.core.api.Assertions.assertThat(after.getAmountPaid()).isEqualTo(15_450L);
        page.setViewportSize(390, 844);
        assertThat(page.getByTestId("invoice-total")).hasText("$154.50");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sandbox-hosted-invoice-390.png")));

        Download download = page.waitForDownload(() -> page.getByTestId("download-pdf").click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename())
                .isEqualTo("Invoice-" + invoice.getNumber() + ".pdf");
        String text = pdfText(Files.readAllBytes(download.path()));
        org.assertj.core.api.Assertions.assertThat(text).contains(invoice.getNumber(), "Northwind Studio",
                "Grace Hopper", "Design review", "Travel", "$154.50", "Paid");
    }

    @Test
    void aDeclinedCardIsToldAndTheInvoiceStaysOpen() throws Exception {
        Invoice invoice = finalizedInvoice(stripe);
        page.navigate(path(invoice.getHostedInvoiceUrl()));

        PaymentElement.fillCard(page, "4000000000000002");
        page.locator("#submit").click();

        assertThat(page.getByTestId("payment-message")).hasText("Your card was declined.");
        assertThat(page.getByTestId("invoice-status")).hasText("Open");
        assertThat(page.locator("#submit")).isEnabled();
        Invoice after = stripe.v1().invoices().retrieve(invoice.getId());
        org.assertj.core.api.Assertions.assertThat(after.getStatus()).isEqualTo("open");
        org.assertj.core.api.Assertions.assertThat(after.getAmountRemaining()).isEqualTo(15_450L);
    }

    @Test
    void aThreeDSecureCardGoesThroughTheChallengeAndBack() throws Exception {
        Invoice invoice = finalizedInvoice(stripe);
        page.navigate(path(invoice.getHostedInvoiceUrl()));

        PaymentElement.fillCard(page, "4000002500003155");
        page.locator("#submit").click();
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/3ds/pi_.*"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Fail"))).click();

        assertThat(page).hasURL(Pattern.compile(".*/sandbox/invoices/" + invoice.getId() + "\\?.*"));
        assertThat(page.getByTestId("payment-failure")).containsText("We are unable to authenticate your payment "
                + "method");
        assertThat(page.getByTestId("invoice-status")).hasText("Open");

        PaymentElement.fillCard(page, "4000002500003155");
        page.locator("#submit").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Complete"))).click();

        assertThat(page.getByTestId("invoice-status")).hasText("Paid");
        org.assertj.core.api.Assertions.assertThat(stripe.v1().invoices().retrieve(invoice.getId()).getStatus())
                .isEqualTo("paid");
    }

    @Test
    void inSpanishThePageAndItsDeclinesAreSpanishAndItHasNoSeriousAccessibilityViolation() throws Exception {
        Invoice invoice = finalizedInvoice(stripe);
        try (BrowserContext spanish = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(url("")).setLocale("es-ES").setBypassCSP(true).setViewportSize(1280, 900))) {
            Page tab = spanish.newPage();
            tab.navigate(path(invoice.getHostedInvoiceUrl()));
            assertThat(tab.getByTestId("invoice-status")).hasText("Abierta");
            assertThat(tab.locator("h2").first()).hasText("Paga esta factura");
            assertThat(tab.getByTestId("invoice-total")).hasText("154,50\u00a0US$");
            org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(tab)).isEmpty();

            tab.getByLabel("Número de tarjeta").fill("4000000000000002");
            tab.getByLabel("Fecha de caducidad").fill("12 / 34");
            tab.getByLabel("Código de seguridad").fill("123");
            tab.getByLabel("Código postal").fill("28001");
            tab.locator("#submit").click();
            assertThat(tab.getByTestId("payment-message")).hasText("Tu tarjeta ha sido rechazada.");
        }
    }

    @Test
    void theAccountsInvoicesTabListsItsInvoicesWithTheirPagesAndPdfs() throws Exception {
        signIn(signUp("Invoice keeper"));
        page.navigate("/sandbox");
        page.getByLabel("Name").fill("Invoicing shop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        String accountUrl = page.url();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invoices")).click();
        assertThat(page.getByTestId("no-invoices")).containsText("No invoices yet");

        page.navigate(accountUrl);
        page.getByText("Reveal").first().click();
        StripeClient merchant = client(page.getByTestId("secret-key").textContent().strip());
        Invoice open = finalizedInvoice(merchant);
        Customer other = merchant.v1().customers().create(CustomerCreateParams.builder().setName("Alan Turing")
                .build());
        merchant.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(other.getId()).build());

        page.navigate(accountUrl + "/invoices");
        Locator rows = page.getByTestId("invoice");
        assertThat(rows).hasCount(2);
        assertThat(rows.nth(0)).containsText("Alan Turing");
        assertThat(rows.nth(0)).containsText("Draft");
        assertThat(rows.nth(0)).containsText("not finalized");
        assertThat(rows.nth(1)).containsText(open.getNumber());
        assertThat(rows.nth(1)).containsText("Grace Hopper");
        assertThat(rows.nth(1)).containsText("Open");
        assertThat(rows.nth(1)).containsText("$154.50");
        assertThat(rows.nth(1).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("PDF of invoice "
                + open.getNumber()))).hasAttribute("href", "/sandbox/invoices/" + open.getId() + "/pdf");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sandbox-invoices.png"))
                .setFullPage(true));

        rows.nth(1).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Hosted page of invoice "
                + open.getNumber())).click();
        assertThat(page.getByTestId("invoice-number")).hasText(open.getNumber());

        try (BrowserContext french = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(url("")).setLocale("fr-FR").setBypassCSP(true))) {
            Page tab = french.newPage();
            tab.context().addCookies(page.context().cookies());
            tab.navigate(accountUrl + "/invoices");
            assertThat(tab.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Factures"))).isVisible();
            assertThat(tab.getByTestId("invoice").nth(0)).containsText("Brouillon");
            assertThat(tab.getByTestId("invoice").nth(1)).containsText("154,50\u00a0$US");
            org.assertj.core.api.Assertions.assertThat(Axe.seriousViolations(tab)).isEmpty();
        }

        page.context().clearCookies();
        signIn(signUp("Someone else"));
        org.assertj.core.api.Assertions.assertThat(page.navigate(accountUrl + "/invoices").status())
                .as("another person's account").isEqualTo(404);
    }

    /** A finalized invoice of two lines for Grace Hopper: $120.00 and $34.50, $154.50 due in 30 days. */
    private static Invoice finalizedInvoice(StripeClient stripe) throws Exception {
        Customer customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Grace Hopper")
                .setEmail("grace@example.com").build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setDescription("Design review").setAmount(12_000L).setCurrency("usd").build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setDescription("Travel").setAmount(3_450L).setCurrency("usd").build());
        Invoice draft = stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L)
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE).build());
        return stripe.v1().invoices().finalizeInvoice(draft.getId());
    }

    private StripeClient client(String secretKey) {
        return StripeClient.builder().setApiKey(secretKey).setApiBase(url("/sandbox")).build();
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ');
        }
    }
}
