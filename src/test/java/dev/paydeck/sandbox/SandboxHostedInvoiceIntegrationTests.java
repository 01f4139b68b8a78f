package dev.paydeck.sandbox;

import com.stripe.model.Customer;
import com.stripe.model.Invoice;
import com.stripe.model.TaxRate;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.TaxRateCreateParams;
import dev.paydeck.support.SandboxTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hosted invoice page and PDF over HTTP, as a payer's browser or a mail client fetches them: only finalized
 * invoices are hosted, and the PDF is a real PDF whose text says what the invoice says.
 */
class SandboxHostedInvoiceIntegrationTests extends SandboxTest {

    private Customer customer;

    @BeforeEach
    void customer() throws Exception {
        customer = stripe.v1().customers().create(CustomerCreateParams.builder().setName("Grace Hopper")
                .setEmail("grace@example.com").build());
    }

    @Test
    void aDraftHasNoHostedPageNorPdf() throws Exception {
        item("Design review", 12_000L);
        Invoice draft = draft();

        assertThat(draft.getHostedInvoiceUrl()).isNull();
        assertThat(send(request("/sandbox/invoices/" + draft.getId())).statusCode()).isEqualTo(404);
        assertThat(send(request("/sandbox/invoices/" + draft.getId() + "/pdf")).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownInvoiceIsNotFound() {
        assertThat(send(request("/sandbox/invoices/in_doesnotexist123")).statusCode()).isEqualTo(404);
        assertThat(send(request("/sandbox/invoices/in_doesnotexist123/pdf")).statusCode()).isEqualTo(404);
        assertThat(send(request("/sandbox/invoices/not-an-invoice")).statusCode()).isEqualTo(404);
    }

    @Test
    void theHostedPageShowsTheInvoiceToWhoeverHasItsAddress() throws Exception {
        item("Design review", 12_000L);
        item("Travel", 3_450L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft().getId());

        HttpResponse<String> page = send(request(path(open.getHostedInvoiceUrl())).header("Accept-Language", "en"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(open.getNumber(), "Grace Hopper", "grace@example.com", "Design review",
                "Travel", "$120.00", "$34.50", "$154.50", "Pay $154.50", "test", open.getConfirmationSecret()
                        .getClientSecret());
        assertThat(page.body()).doesNotContain(secretKey);
    }

    @Test
    void thePdfIsARealPdfWithTheInvoicesNumberLinesTaxesAndTotals() throws Exception {
        TaxRate vat = stripe.v1().taxRates().create(TaxRateCreateParams.builder().setDisplayName("VAT")
                .setPercentage(new BigDecimal("20")).setInclusive(false).build());
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setDescription("Seats").setUnitAmountDecimal(new BigDecimal("2500")).setQuantity(3L)
                .setCurrency("usd").addTaxRate(vat.getId()).build());
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft().getId());
        assertThat(open.getTotal()).isEqualTo(9_000L);

        HttpResponse<byte[]> pdf = client().send(request(path(open.getInvoicePdf()))
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition")).get().asString()
                .contains("filename=\"Invoice-" + open.getNumber() + ".pdf\"");
        String text = text(pdf.body());
        // The page counter comes from the PDFs' shared style (sandbox/pdf-style.html): it is applied.
        assertThat(text).contains("1 / 1");
        assertThat(text).contains(open.getNumber(), "test", "Grace Hopper", "Seats", "$25.00", "$75.00",
                "VAT (20%)", "$15.00", "$90.00", "Amount due", open.getHostedInvoiceUrl());
    }

    @Test
    void aVoidInvoiceIsShownVoidWithoutAPaymentForm() throws Exception {
        item("Cancelled work", 5_000L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft().getId());
        stripe.v1().invoices().voidInvoice(open.getId());

        String page = send(request(path(open.getHostedInvoiceUrl())).header("Accept-Language", "en")).body();

        assertThat(page).contains("This invoice was voided on", "Void").doesNotContain("invoice-payment-form");
        assertThat(text(client().send(request(path(open.getInvoicePdf())).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body())).contains("This invoice was voided on");
    }

    @Test
    void anUncollectibleInvoiceIsShownSoWithoutAPaymentForm() throws Exception {
        item("Old debt", 5_000L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft().getId());
        stripe.v1().invoices().markUncollectible(open.getId());

        String page = send(request(path(open.getHostedInvoiceUrl())).header("Accept-Language", "en")).body();

        assertThat(page).contains("marked this invoice uncollectible", "Uncollectible", "$50.00")
                .doesNotContain("invoice-payment-form");
    }

    @Test
    void thePageAndPdfSpeakTheReadersLanguage() throws Exception {
        item("Conseil", 12_000L);
        Invoice open = stripe.v1().invoices().finalizeInvoice(draft().getId());

        String french = send(request(path(open.getHostedInvoiceUrl())).header("Accept-Language", "fr")).body();
        assertThat(french).contains("Payer cette facture", "Montant dû", "120,00\u00a0$US");
        String spanish = text(client().send(request(path(open.getInvoicePdf())).header("Accept-Language", "es")
                .build(), HttpResponse.BodyHandlers.ofByteArray()).body());
        assertThat(spanish).contains("Factura", "Importe a pagar", "Conseil");
    }

    private static String text(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00a0', ' ');
        }
    }

    private static String path(String url) {
        return java.net.URI.create(url).getPath();
    }

    private java.net.http.HttpClient client() {
        return java.net.http.HttpClient.newHttpClient();
    }

    private void item(String description, long amount) throws Exception {
        stripe.v1().invoiceItems().create(InvoiceItemCreateParams.builder().setCustomer(customer.getId())
                .setDescription(description).setAmount(amount).setCurrency("usd").build());
    }

    private Invoice draft() throws Exception {
        return stripe.v1().invoices().create(InvoiceCreateParams.builder().setCustomer(customer.getId())
                .setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE).setDaysUntilDue(30L)
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.INCLUDE).build());
    }
}
