package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.invoices.InvoiceDocuments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.Locale;

/**
 * An account's invoices, newest first, as {@code /v1/invoices} holds them: number, customer, status and total, with
 * the hosted invoice page and the PDF of each finalized one (a draft has neither yet).
 */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxInvoicesController {

    static final int INVOICES_SHOWN = 50;

    private final SandboxAccounts accounts;
    private final InvoiceDocuments invoices;

    SandboxInvoicesController(SandboxAccounts accounts, InvoiceDocuments invoices) {
        this.accounts = accounts;
        this.invoices = invoices;
    }

    @GetMapping("/sandbox/accounts/{accountId}/invoices")
    String invoices(@PathVariable String accountId, Visitor visitor, Locale locale, Model model) {
        model.addAttribute("account", visitor.readable(accounts.byId(accountId)));
        model.addAttribute("visitor", visitor);
        model.addAttribute("invoices", invoices.recent(accountId, INVOICES_SHOWN, locale));
        model.addAttribute("active", "invoices");
        return "sandbox/invoices";
    }
}
