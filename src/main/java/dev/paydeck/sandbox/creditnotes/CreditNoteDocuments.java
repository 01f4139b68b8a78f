package dev.paydeck.sandbox.creditnotes;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.invoices.InvoiceDocuments;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Credit notes as people read them: one found by its id alone (its PDF knows no account; ids are random, as an
 * invoice's are), written for a language as a {@link CreditNoteDocument}.
 */
@Service
class CreditNoteDocuments {

    private final ObjectStore store;
    private final SandboxAccounts accounts;

    CreditNoteDocuments(ObjectStore store, SandboxAccounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    /** The credit note with this id, whatever its account, written for the language; empty for an unknown id. */
    Optional<CreditNoteDocument> document(String creditNoteId, Locale locale) {
        if (creditNoteId == null || !creditNoteId.matches("cn_[A-Za-z0-9]{1,64}")) {
            return Optional.empty();
        }
        return store.accountHolding("credit_note", creditNoteId).flatMap(accounts::byId)
                .flatMap(account -> store.find(account.id(), creditNoteId)
                        .map(note -> document(account, note, locale)));
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
