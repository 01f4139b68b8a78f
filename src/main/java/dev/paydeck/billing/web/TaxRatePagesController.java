package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.billing.TaxRate;
import dev.paydeck.billing.TaxRateDraft;
import dev.paydeck.billing.TaxRateId;
import dev.paydeck.billing.TaxRateStatus;
import dev.paydeck.billing.TaxRates;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The organization's tax rates, in the catalog's pages: the list (active or archived), the new-tax-rate form with its
 * errors at the field, archive and make-active buttons. Viewers see no write buttons, and are refused (403) if they
 * post anyway.
 */
@Controller
class TaxRatePagesController {

    static final int PAGE_SIZE = 25;

    private final TaxRates taxRates;
    private final Callers callers;

    TaxRatePagesController(TaxRates taxRates, Callers callers) {
        this.taxRates = taxRates;
        this.callers = callers;
    }

    @GetMapping("/app/organizations/{id}/products/tax-rates")
    String list(@PathVariable String id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String after, Model model) {
        Caller caller = caller(id);
        boolean archived = "archived".equals(status);
        TaxRateId startingAfter = after == null ? null : new TaxRateId(CouponPagesController.parse(after));
        List<TaxRate> found = taxRates.list(caller.organization(), archived ? Set.of(TaxRateStatus.ARCHIVED)
                : Set.of(TaxRateStatus.ACTIVE, TaxRateStatus.PENDING, TaxRateStatus.UNKNOWN), PAGE_SIZE + 1,
                startingAfter);
        boolean more = found.size() > PAGE_SIZE;
        List<TaxRate> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("archived", archived);
        model.addAttribute("taxRates", shown);
        model.addAttribute("next", more ? shown.getLast().id().toString() : null);
        model.addAttribute("paged", startingAfter != null);
        return "products/tax-rates";
    }

    @GetMapping("/app/organizations/{id}/products/tax-rates/new")
    String newTaxRate(@PathVariable String id, Model model) {
        Caller caller = caller(id).requireWrite();
        model.addAttribute("taxRateForm", TaxRateForm.empty());
        return form(caller, model);
    }

    @PostMapping("/app/organizations/{id}/products/tax-rates/new")
    String create(@PathVariable String id, @ModelAttribute("taxRateForm") TaxRateForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Optional<TaxRateDraft> draft = draft(form, errors);
        if (draft.isEmpty()) {
            return form(caller, model);
        }
        try {
            taxRates.create(caller.organization(), draft.get(), caller.actor(),
                    CouponPagesController.blank(form.idempotencyKey()) ? null : form.idempotencyKey());
        } catch (StripeFailure failure) {
            model.addAttribute("stripeProblem", CouponPagesController.problem(failure));
            model.addAttribute("stripeMessage", failure.stripeMessage());
            return form(caller, model);
        }
        redirect.addFlashAttribute("saved", "created");
        return "redirect:/app/organizations/" + caller.organization() + "/products/tax-rates";
    }

    @PostMapping("/app/organizations/{id}/products/tax-rates/{rate}/archive")
    String archive(@PathVariable String id, @PathVariable String rate, RedirectAttributes redirect) {
        return setActive(id, rate, false, redirect);
    }

    @PostMapping("/app/organizations/{id}/products/tax-rates/{rate}/unarchive")
    String unarchive(@PathVariable String id, @PathVariable String rate, RedirectAttributes redirect) {
        return setActive(id, rate, true, redirect);
    }

    private String setActive(String id, String rate, boolean active, RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        TaxRateId target = new TaxRateId(CouponPagesController.parse(rate));
        try {
            Optional<TaxRate> changed = active ? taxRates.unarchive(caller.organization(), target, caller.actor())
                    : taxRates.archive(caller.organization(), target, caller.actor());
            if (changed.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("saved", active ? "unarchived" : "archived");
        } catch (StripeFailure failure) {
            redirect.addFlashAttribute("stripeProblem", CouponPagesController.problem(failure));
            redirect.addFlashAttribute("stripeMessage", failure.stripeMessage());
        }
        return "redirect:/app/organizations/" + caller.organization() + "/products/tax-rates"
                + (active ? "?status=archived" : "");
    }

    /** The tax rate the form asks for, or errors at its fields. */
    private static Optional<TaxRateDraft> draft(TaxRateForm form, BindingResult errors) {
        if (CouponPagesController.blank(form.displayName())) {
            errors.rejectValue("displayName", "taxrates.display-name.missing");
        } else if (form.displayName().strip().length() > 50) {
            errors.rejectValue("displayName", "taxrates.display-name.too-long");
        }
        Optional<BigDecimal> percentage = CouponPagesController.blank(form.percentage()) ? Optional.empty()
                : TaxRatesApiController.percentage(form.percentage());
        if (percentage.isEmpty()) {
            errors.rejectValue("percentage", "taxrates.percentage.invalid");
        }
        if (!CouponPagesController.blank(form.country()) && !form.country().strip().matches("[A-Za-z]{2}")) {
            errors.rejectValue("country", "taxrates.country.invalid");
        }
        if (form.state() != null && form.state().strip().length() > 50) {
            errors.rejectValue("state", "taxrates.too-long");
        }
        if (form.jurisdiction() != null && form.jurisdiction().strip().length() > 50) {
            errors.rejectValue("jurisdiction", "taxrates.too-long");
        }
        if (form.description() != null && form.description().strip().length() > 500) {
            errors.rejectValue("description", "taxrates.description.too-long");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new TaxRateDraft(form.displayName().strip(), blankToNull(form.description()),
                percentage.orElseThrow(), form.inclusive(),
                CouponPagesController.blank(form.country()) ? null : form.country().strip().toUpperCase(Locale.ROOT),
                blankToNull(form.state()), blankToNull(form.jurisdiction()), null));
    }

    private static String blankToNull(String text) {
        return CouponPagesController.blank(text) ? null : text.strip();
    }

    private String form(Caller caller, Model model) {
        model.addAttribute("organizationId", caller.organization().toString());
        return "products/tax-rate-form";
    }

    private Caller caller(String id) {
        return callers.in(OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }
}
