package dev.paydeck.sandbox.invoices;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.Locale;

/**
 * The hosted invoice page and the invoice PDF, where a finalized invoice's {@code hosted_invoice_url} and
 * {@code invoice_pdf} point, open to whoever has the address (as on Stripe: the invoice id is random and the page is
 * the payer's, who has no account):
 * <ul>
 *   <li>{@code GET /sandbox/invoices/{id}}: the seller, the customer, the number and dates, the lines, discounts,
 *   taxes and totals, the status; for an open invoice the sandbox's Payment Element, which confirms the invoice's
 *   PaymentIntent with its {@code confirmation_secret} (3-D Secure cards go through the challenge page and come back
 *   here); a paid invoice shows its receipt, a void or uncollectible one says so.</li>
 *   <li>{@code GET /sandbox/invoices/{id}/pdf}: the same invoice as a PDF ({@code Invoice-{number}.pdf}).</li>
 * </ul>
 * A draft is not hosted (Stripe gives it no address): it answers 404, as an unknown id does.
 */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class HostedInvoicePage {

    private static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final InvoiceDocuments documents;
    private final InvoicePdf pdf;

    HostedInvoicePage(InvoiceDocuments documents, InvoicePdf pdf) {
        this.documents = documents;
        this.pdf = pdf;
    }

    @GetMapping("/sandbox/invoices/{invoiceId}")
    String page(@PathVariable String invoiceId,
            @RequestParam(name = "redirect_status", required = false) String redirectStatus, Locale locale,
            Model model) {
        InvoiceDocuments.Hosted hosted = hosted(invoiceId);
        InvoiceDocument invoice = documents.document(hosted, locale);
        model.addAttribute("invoice", invoice);
        // Back from a 3-D Secure challenge that failed: why, as the form shows a decline.
        if ("failed".equals(redirectStatus) && invoice.isOpen()) {
            documents.lastFailure(hosted).ifPresent(failure -> model.addAttribute("failure", failure));
        }
        return "sandbox/invoice";
    }

    @GetMapping("/sandbox/invoices/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String invoiceId, Locale locale) {
        InvoiceDocument invoice = documents.document(hosted(invoiceId), locale);
        String number = invoice.number() == null ? invoice.id() : invoice.number();
        return ResponseEntity.ok().contentType(PDF)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("Invoice-" + number + ".pdf").build().toString())
                .body(pdf.render(invoice, locale));
    }

    private InvoiceDocuments.Hosted hosted(String invoiceId) {
        return documents.finalized(invoiceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
