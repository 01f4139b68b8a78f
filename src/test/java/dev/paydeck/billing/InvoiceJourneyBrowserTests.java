package dev.paydeck.billing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.paydeck.support.BrowserTest;
import dev.paydeck.support.MailPages;
import dev.paydeck.support.PaymentElement;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An invoice's whole life, as the people involved see it, on an organization's own sandbox account: the owner makes
 * a multi-line invoice with a tax rate and a coupon on the pages, to be sent (paid on its page within 14 days),
 * finalizes and sends it; the mail is in the outbox with the invoice's page and its PDF; the payer opens that page from
 * the mail and pays by card with the Payment Element; Paydeck's invoice page shows it paid (by webhook) and the
 * receipt is in the outbox. Every amount is checked where a person reads it.
 */
class InvoiceJourneyBrowserTests extends BrowserTest {

    @Test
    void anInvoiceSentWithATaxRateAndACouponIsPaidByThePayerOnItsPage() {
        Person owner = signUp("Journey invoicer");
        StripeAccount shop = organizationOnItsOwnSandboxAccount(owner, "Babbage Engines");
        shop.sendEventsToPaydeck(owner);
        String email = "payer-" + UUID.randomUUID() + "@example.com";
        String customer = json(call("POST", "/api/v1/customers", shop.apiKey(), "{\"email\":\"" + email
                + "\",\"name\":\"Charles Babbage\"}")).get("id").asString();
        String product = json(call("POST", "/api/v1/products", shop.apiKey(), "{\"name\":\"Engine service\"}"))
                .get("id").asString();
        call("POST", "/api/v1/prices", shop.apiKey(), "{\"product_id\":\"" + product + "\",\"unit_amount\":12000,"
                + "\"currency\":\"usd\"}");
        String vat = json(call("POST", "/api/v1/tax-rates", shop.apiKey(), "{\"display_name\":\"VAT\","
                + "\"percentage\":\"10\",\"inclusive\":false}")).get("stripe_tax_rate_id").asString();
        String coupon = json(call("POST", "/api/v1/coupons", shop.apiKey(), "{\"name\":\"Loyal 10%\","
                + "\"percent_off\":10,\"duration\":\"once\"}")).get("stripe_coupon_id").asString();

        signIn(owner);
        page.navigate("/app/organizations/" + shop.organization() + "/invoices");
        page.getByTestId("new-invoice").click();
        page.getByLabel("Customer").selectOption(customer);
        page.locator("select[name='lines[0].price']").selectOption(new SelectOption()
                .setLabel("Engine service — $120.00"));
        page.locator("input[name='lines[0].quantity']").fill("2");
        page.getByTestId("add-line").click();
        page.locator("input[name='lines[1].amount']").fill("30");
        page.locator("input[name='lines[1].description']").fill("Travel");
        page.getByLabel("Tax rate of every line").fill(vat);
        page.getByLabel("Coupon").fill(coupon);
        page.getByLabel("How it is paid").selectOption("send_invoice");
        page.getByLabel("Days until due").fill("14");
        page.getByTestId("create-invoice").click();

        // $270.00, less 10% ($27.00), then 10% tax on what is left ($24.30).
        assertThat(page.getByTestId("invoice-status")).hasText("Draft");
        assertThat(page.getByTestId("invoice-line")).hasCount(2);
        assertThat(page.getByTestId("subtotal")).hasText("$270.00");
        assertThat(page.getByTestId("discount")).hasText("−$27.00");
        assertThat(page.getByTestId("tax")).hasText("$24.30");
        assertThat(page.getByTestId("total")).hasText("$267.30");

        page.locator("[data-action=finalize]").click();
        assertThat(page.getByTestId("invoice-status")).hasText("Open");
        assertThat(page.locator("main")).containsText("Sent to the customer, who pays on its page");
        // Due fourteen days after it was finalized.
        java.time.LocalDate due = java.time.LocalDate.now(java.time.ZoneId.systemDefault()).plusDays(14);
        assertThat(page.locator("main")).containsText(java.time.format.DateTimeFormatter.ofLocalizedDate(
                java.time.format.FormatStyle.MEDIUM).withLocale(java.util.Locale.US).format(due));
        page.locator("[data-action=send]").click();
        assertThat(page.getByTestId("saved")).hasText("Stripe sent the invoice to the customer.");
        String number = page.getByTestId("invoice-number").innerText();
        String invoicePage = page.url();
        String hostedPage = page.getByTestId("hosted-page").getAttribute("href");

        // The mail, as the owner reads it in the outbox: the amount due, the invoice's page, its PDF attached.
        String subject = "Invoice " + number + " from Babbage Engines";
        await().atMost(Duration.ofSeconds(30)).until(() -> MailPages.row(page, email, subject).count() == 1);
        String mail = MailPages.open(page, email, subject);
        org.assertj.core.api.Assertions.assertThat(mail).contains("$267.30", hostedPage, java.time.format
                .DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG).withLocale(java.util.Locale.US)
                .format(due));
        Locator attachment = page.locator("#mail-attachments").getByRole(AriaRole.LINK);
        assertThat(attachment).hasText("Invoice-" + number + ".pdf");
        byte[] pdf = page.request().get(url(attachment.getAttribute("href"))).body();
        org.assertj.core.api.Assertions.assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        // The payer, who is no one in Paydeck, follows the mail's link to the invoice's page and pays it by card.
        try (BrowserContext payerContext = page.context().browser().newContext(new Browser.NewContextOptions()
                .setBaseURL(url("")))) {
            Page payer = payerContext.newPage();
            payer.navigate(MailPages.link(mail));
            assertThat(payer.getByTestId("invoice-number")).hasText(number);
            assertThat(payer.getByTestId("amount-due")).hasText("$267.30");
            assertThat(payer.getByTestId("invoice-totals")).containsText("$27.00");
            assertThat(payer.getByTestId("invoice-tax")).containsText("$24.30");
            assertThat(payer.locator("#submit")).isEnabled();
            PaymentElement.fillCard(payer, "4242424242424242");
            payer.locator("#submit").click();
            assertThat(payer.getByTestId("invoice-status")).hasText("Paid");
            assertThat(payer.getByTestId("amount-remaining")).hasText("$0.00");
        }

        // Paydeck learns it from Stripe's webhooks: its page (which does not poll) shows it paid after a reload.
        page.navigate(invoicePage);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            page.reload();
            return page.getByTestId("invoice-status").innerText().equals("Paid");
        });
        assertThat(page.getByTestId("amount-paid")).hasText("$267.30");
        assertThat(page.getByTestId("amount-remaining")).hasText("$0.00");
        assertThat(page.getByTestId("total")).hasText("$267.30");

        String receiptSubject = "Your receipt from Babbage Engines";
        await().atMost(Duration.ofSeconds(30)).until(() -> MailPages.row(page, email, receiptSubject).count() == 1);
        org.assertj.core.api.Assertions.assertThat(MailPages.open(page, email, receiptSubject)).contains("$267.30");
    }
}
