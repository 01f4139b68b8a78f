package dev.paydeck.customers.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.CustomerPayments;
import dev.paydeck.customers.CustomerStatus;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.OrganizationId;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The organization's customers in pages: a searchable list, a customer's page with their payments and the cards saved
 * on them in Stripe, and the forms that create and edit one. Viewers see no write buttons, and are refused (403) if
 * they post anyway.
 */
@Controller
class CustomerPagesController {

    static final int PAGE_SIZE = 25;
    /** The form's fields Stripe may name in a refusal ({@code param}), shown at the field. */
    private static final Set<String> FIELDS = Set.of("name", "email", "phone", "description");

    private final Customers customers;
    private final CustomerPayments payments;
    private final Callers callers;
    private final Clock clock;

    CustomerPagesController(Customers customers, CustomerPayments payments, Callers callers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
        this.payments = payments;
        this.callers = callers;
    }

    @GetMapping("/app/organizations/{id}/customers")
    String list(@PathVariable String id, @RequestParam(required = false) String q,
            @RequestParam(required = false) String after, Model model) {
        Caller caller = caller(id);
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.length() > 200) {
            search = search.substring(0, 200);
        }
        CustomerId startingAfter = after == null ? null : parseCustomer(after);
        List<Customer> found = customers.list(caller.organization(), search, PAGE_SIZE + 1, startingAfter);
        boolean more = found.size() > PAGE_SIZE;
        List<Customer> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("q", search);
        model.addAttribute("customers", shown);
        model.addAttribute("next", more ? shown.getLast().id().toString() : null);
        model.addAttribute("paged", startingAfter != null);
        return "customers/list";
    }

    /** The list's customers as CSV: every one the search matches (not only a page), streamed. */
    @GetMapping("/app/organizations/{id}/customers/export.csv")
    void export(@PathVariable String id, @RequestParam(required = false) String q, HttpServletResponse response) {
        Caller caller = caller(id);
        String search = q == null || q.isBlank() ? null : q.strip();
        CustomerCsv.write(response, LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()), customers,
                caller.organization(), search == null || search.length() <= 200 ? search : search.substring(0, 200));
    }

    @GetMapping("/app/organizations/{id}/customers/new")
    String newCustomer(@PathVariable String id, Model model) {
        Caller caller = caller(id).requireWrite();
        model.addAttribute("customerForm", CustomerForm.empty());
        return form(caller, null, model);
    }

    @PostMapping("/app/organizations/{id}/customers/new")
    String create(@PathVariable String id, @Valid @ModelAttribute("customerForm") CustomerForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        if (form.anonymous()) {
            errors.rejectValue("name", "required");
        }
        if (errors.hasErrors()) {
            return form(caller, null, model);
        }
        Customer created;
        try {
            created = customers.create(caller.organization(), form.draft(), caller.actor(),
                    form.idempotencyKey() == null || form.idempotencyKey().isBlank() ? null : form.idempotencyKey());
        } catch (StripeFailure failure) {
            return refused(failure, errors, caller, null, model);
        }
        redirect.addFlashAttribute("saved", "created");
        return "redirect:/app/organizations/" + caller.organization() + "/customers/" + created.id();
    }

    @GetMapping("/app/organizations/{id}/customers/{customer}")
    String detail(@PathVariable String id, @PathVariable String customer, Model model) {
        Caller caller = caller(id);
        Customer found = find(caller.organization(), customer);
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("customer", found);
        model.addAttribute("payments", payments.newest(caller.organization(), found.id(), 20));
        try {
            model.addAttribute("cards", customers.savedCards(caller.organization(), found.id()));
        } catch (StripeFailure failure) {
            model.addAttribute("cardsUnavailable", failure.kind() == StripeFailure.Kind.CREDENTIALS
                    ? "credentials" : "unreachable");
        }
        return "customers/detail";
    }

    @GetMapping("/app/organizations/{id}/customers/{customer}/edit")
    String edit(@PathVariable String id, @PathVariable String customer, Model model) {
        Caller caller = caller(id).requireWrite();
        Customer found = find(caller.organization(), customer);
        model.addAttribute("customerForm", CustomerForm.of(found));
        return form(caller, found, model);
    }

    @PostMapping("/app/organizations/{id}/customers/{customer}/edit")
    String update(@PathVariable String id, @PathVariable String customer,
            @Valid @ModelAttribute("customerForm") CustomerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Customer found = find(caller.organization(), customer);
        if (form.anonymous()) {
            errors.rejectValue("name", "required");
        }
        if (errors.hasErrors()) {
            return form(caller, found, model);
        }
        try {
            customers.update(caller.organization(), found.id(), form.changes(), caller.actor())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (StripeFailure failure) {
            return refused(failure, errors, caller, found, model);
        }
        redirect.addFlashAttribute("saved", "updated");
        return "redirect:/app/organizations/" + caller.organization() + "/customers/" + found.id();
    }

    /** Stripe refused or could not be reached: its word at the field it names, else a notice above the form. */
    private String refused(StripeFailure failure, BindingResult errors, Caller caller, Customer customer,
            Model model) {
        if (failure.kind() == StripeFailure.Kind.INVALID_REQUEST && failure.param() != null
                && FIELDS.contains(failure.param())) {
            errors.rejectValue(failure.param(), "stripe", failure.stripeMessage());
        } else {
            model.addAttribute("stripeProblem", failure.kind() == StripeFailure.Kind.CREDENTIALS ? "credentials"
                    : failure.kind() == StripeFailure.Kind.UNAVAILABLE ? "unreachable" : "refused");
            model.addAttribute("stripeMessage", failure.stripeMessage());
        }
        return form(caller, customer, model);
    }

    private String form(Caller caller, Customer customer, Model model) {
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("customer", customer);
        return "customers/form";
    }

    private Customer find(OrganizationId organization, String customer) {
        return customers.find(organization, parseCustomer(customer))
                .filter(found -> found.status() != CustomerStatus.DELETED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Caller caller(String id) {
        return callers.in(OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static CustomerId parseCustomer(String id) {
        try {
            return new CustomerId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
