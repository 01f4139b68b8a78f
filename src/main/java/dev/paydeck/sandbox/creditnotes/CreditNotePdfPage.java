package dev.paydeck.sandbox.creditnotes;

import dev.paydeck.sandbox.invoices.InvoicePdf;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /sandbox/credit_notes/{id}/pdf}, where a credit note's {@code pdf} points: the credit note as a PDF
 * ({@code CreditNote-{number}.pdf}), laid out by the invoice PDF's openhtmltopdf rendering from the template
 * {@code sandbox/credit-note-pdf}: the seller, the customer, the invoice it credits, its lines, discounts, taxes and
 * total, its reason and memo, and whether it was voided. Open to whoever has the address, as an invoice's PDF is (the
 * id is random); an unknown id answers 404.
 */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class CreditNotePdfPage {

    private final CreditNoteDocuments documents;
    private final InvoicePdf pdf;

    CreditNotePdfPage(CreditNoteDocuments documents, InvoicePdf pdf) {
        this.documents = documents;
        this.pdf = pdf;
    }

    @GetMapping("/sandbox/credit_notes/{creditNoteId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String creditNoteId, Locale locale) {
        CreditNoteDocument document = documents.document(creditNoteId, locale)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String number = document.number() == null ? document.id() : document.number();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("CreditNote-" + number + ".pdf").build().toString())
                .body(pdf.render("sandbox/credit-note-pdf", Map.of("note", document), null, locale));
    }
}
