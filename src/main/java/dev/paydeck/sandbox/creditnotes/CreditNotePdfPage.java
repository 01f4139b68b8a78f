package dev.paydeck.sandbox.creditnotes;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.invoices.InvoiceDocuments;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
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

    private final ObjectStore store;
    private final SandboxAccounts accounts;
    private final InvoicePdf pdf;

    CreditNotePdfPage(ObjectStore store, SandboxAccounts accounts, InvoicePdf pdf) {
        this.store = store;
        this.accounts = accounts;
        this.pdf = pdf;
    }

    @GetMapping("/sandbox/credit_notes/{creditNoteId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String creditNoteId, Locale locale) {
        if (!creditNoteId.matches("cn_[A-Za-z0-9]{1,64}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        SandboxAccount account = store.accountHolding("credit_note", creditNoteId).flatMap(accounts::byId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ObjectNode note = store.find(account.id(), creditNoteId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CreditNoteDocument document = document(account, note, locale);
        String number = document.number() == null ? document.id() : document.number();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename("CreditNote-" + number + ".pdf").build().toString())
                .body(pdf.render("sandbox/credit-note-pdf", Map.of("note", document), null, locale));
    }

    private CreditNoteDocument document(SandboxAccount account, ObjectNode note, Locale locale) {
        String currency = note.get("currency").asString();
        ObjectNode invoice = store.find(account.id(), note.path("invoice").asString("")).orElse(null);
        List<CreditNoteDocument.Line> lines = new ArrayList<>();
        for (JsonNode line : note.at("/lines/data")) {
            lines.add(new CreditNoteDocument.Line(line.path("description").asString(""),
                    line.path("quantity").asLong(1),
                    line.path("unit_amount").isNumber() ? money(line.get("unit_amount").asLong(), currency, locale)
                            : null,
                    money(line.path("amount").asLong(), currency, locale)));
        }
        List<CreditNoteDocument.Tax> taxes = new ArrayList<>();
        for (JsonNode tax : note.path("total_taxes")) {
            String name = store.find(account.id(), tax.at("/tax_rate_details/tax_rate").asString(""))
                    .map(rate -> rate.path("display_name").asString(null)).orElse(null);
            taxes.add(new CreditNoteDocument.Tax(name, money(tax.path("amount").asLong(), currency, locale)));
        }
        long discount = note.path("discount_amount").asLong();
        return new CreditNoteDocument(note.get("id").asString(), note.path("number").asString(null),
                invoice == null ? account.name() : invoice.path("account_name").asString(account.name()),
                invoice == null ? null : invoice.path("account_country").asString(null),
                invoice == null ? null : invoice.path("customer_name").asString(null),
                invoice == null ? null : invoice.path("customer_email").asString(null),
                InvoiceDocuments.date(note.path("effective_at").asLong(note.path("created").asLong()), locale),
                invoice == null ? null : invoice.path("number").asString(null),
                note.path("reason").asString(null), note.path("memo").asString(null), lines,
                money(note.path("subtotal").asLong(), currency, locale),
                discount == 0 ? null : money(-discount, currency, locale), taxes,
                money(note.path("total").asLong(), currency, locale),
                note.path("voided_at").isNumber() ? InvoiceDocuments.date(note.get("voided_at").asLong(), locale)
                        : null);
    }

    private static String money(long amount, String currency, Locale locale) {
        return InvoiceDocuments.money(amount, currency, locale);
    }
}
