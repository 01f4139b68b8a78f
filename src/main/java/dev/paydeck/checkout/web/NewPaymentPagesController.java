package dev.paydeck.checkout.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.checkout.PayLink;
import dev.paydeck.checkout.PayLinks;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.payments.PaymentRequest;
import dev.paydeck.payments.Payments;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /app/organizations/{id}/payments/new}: staff (owners and admins; viewers are refused) make a payment for a
 * customer and get the link the customer pays it on ({@code /pay/{token}}), with a copy button. Every field is
 * checked at the field: the amount is a number, positive, with the currency's digits, within Stripe's minimum and
 * maximum; the currency is an ISO code.
 */
@Controller
class NewPaymentPagesController {

    private final Callers callers;
    private final Organizations organizations;
    private final Payments payments;
    private final PayLinks links;

    NewPaymentPagesController(Callers callers, Organizations organizations, Payments payments, PayLinks links) {
        this.callers = callers;
        this.organizations = organizations;
        this.payments = payments;
        this.links = links;
    }

    @GetMapping("/app/organizations/{id}/payments/new")
    String form(@PathVariable String id, Model model) {
        Organization organization = organization(writer(id));
        if (!model.containsAttribute("newPaymentForm")) {
            model.addAttribute("newPaymentForm", new NewPaymentForm("", defaultCurrency(organization), "", "",
                    UUID.randomUUID().toString()));
        }
        return show(organization, model);
    }

    @PostMapping("/app/organizations/{id}/payments/new")
    String create(@PathVariable String id, @ModelAttribute NewPaymentForm newPaymentForm, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Caller caller = writer(id);
        Organization organization = organization(caller);
        Optional<Currency> currency = Money.currency(Forms.blankToNull(newPaymentForm.currency()));
        if (currency.isEmpty()) {
            errors.rejectValue("currency", "newpayment.currency.unknown");
        }
        Money amount = null;
        if (Forms.blankToNull(newPaymentForm.amount()) == null) {
            errors.rejectValue("amount", "newpayment.amount.required");
        } else if (currency.isPresent()) {
            amount = Money.parse(newPaymentForm.amount(), currency.get()).orElse(null);
            if (amount == null) {
                errors.rejectValue("amount", "newpayment.amount.number",
                        new Object[] {new Money(0, currency.get()).decimals()}, null);
            } else if (!amount.isPositive()) {
                errors.rejectValue("amount", "newpayment.amount.positive");
            } else if (amount.minor() < amount.minimumCharge().minor()) {
                errors.rejectValue("amount", "newpayment.amount.minimum",
                        new Object[] {amount.minimumCharge().format(LocaleContextHolder.getLocale())}, null);
            } else if (amount.minor() > Money.MAXIMUM_MINOR) {
                errors.rejectValue("amount", "newpayment.amount.maximum",
                        new Object[] {amount.withMinor(Money.MAXIMUM_MINOR).format(LocaleContextHolder.getLocale())}, null);
            }
        }
        String email = Forms.blankToNull(newPaymentForm.customerEmail());
        if (email != null && !Forms.isEmail(email)) {
            errors.rejectValue("customerEmail", "shop.email.invalid");
        }
        String description = Forms.blankToNull(newPaymentForm.description());
        if (description != null && description.length() > 500) {
            errors.rejectValue("description", "newpayment.description.long");
        }
        if (errors.hasErrors()) {
            return show(organization, model);
        }
        var request = new PaymentRequest(amount, null, email, null, description, Map.of(), false, null, false,
                false, null, email, null);
        try {
            var created = payments.create(organization.id(), request,
                    "staff-" + Forms.idempotencyKey(newPaymentForm.idempotencyKey()), caller.actor());
            PayLink link = links.forPayment(organization.id(), created.payment().id(), PayLinks.Source.STAFF);
            redirect.addFlashAttribute("payLink", ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path(link.path()).toUriString());
            redirect.addFlashAttribute("created", created.payment());
            return "redirect:/app/organizations/" + organization.id() + "/payments/new";
        } catch (StripeFailure e) {
            model.addAttribute("unavailable", true);
            return show(organization, model);
        }
    }

    private String show(Organization organization, Model model) {
        model.addAttribute("organization", organization);
        return "pay/new-payment";
    }

    /** The caller, if they may make payments (owners and admins): 404 outside their organizations, 403 for viewers. */
    private Caller writer(String id) {
        return callers.in(OrganizationId.parse(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))).requireWrite();
    }

    private Organization organization(Caller caller) {
        return organizations.find(caller.organization())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String defaultCurrency(Organization organization) {
        return organization.defaultCurrency() == null ? "USD" : organization.defaultCurrency();
    }
}
