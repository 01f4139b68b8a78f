package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.billing.CreditNote;
import dev.paydeck.billing.CreditNotes;
import dev.paydeck.billing.Invoice;
import dev.paydeck.billing.InvoiceAction;
import dev.paydeck.billing.InvoiceDraft;
import dev.paydeck.billing.InvoiceId;
import dev.paydeck.billing.InvoiceQuery;
import dev.paydeck.billing.InvoiceStatus;
import dev.paydeck.billing.Invoices;
import dev.paydeck.billing.Price;
import dev.paydeck.billing.PriceStatus;
import dev.paydeck.billing.Prices;
import dev.paydeck.billing.Product;
import dev.paydeck.billing.ProductStatus;
import dev.paydeck.billing.Products;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.Uuids;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The organization's invoices in pages: the list (filtered by status, customer and creation date, with the last 30
 * days' figures and a CSV export), the new-invoice form (lines added and removed by posting the form back) and an
 * invoice's page with the actions its status allows. Viewers see no write buttons, and are refused (403) if they post.
 */
@Controller
class InvoicePagesController {

    static final int PAGE_SIZE = 25;
    /** The list's status chips: Stripe's statuses, and overdue (open, past due). */
    static final List<String> CHIPS = List.of("draft", "open", "overdue", "paid", "uncollectible", "void");

    private final Invoices invoices;
    private final Customers customers;
    private final Products products;
    private final Prices prices;
    private final Callers callers;
    private final CreditNotes creditNotes;

    InvoicePagesController(Invoices invoices, Customers customers, Products products, Prices prices,
            Callers callers, CreditNotes creditNotes) {
        this.creditNotes = creditNotes;
        this.invoices = invoices;
        this.customers = customers;
        this.products = products;
        this.prices = prices;
        this.callers = callers;
    }

    /** The list's filters as typed; {@code errors}: which of them could not be read (field → message key). */
    record Filters(String status, String customer, String from, String to, String after) {

        InvoiceQuery query(int limit, Map<String, String> errors) {
            InvoiceStatus wanted = null;
            boolean overdue = "overdue".equals(status);
            if (!blank(status) && !overdue) {
                wanted = InvoiceStatus.parse(status).orElse(null);
                if (wanted == null) {
                    errors.put("status", "invoices.filter.status.unknown");
                }
            }
            CustomerId customerId = null;
            if (!blank(customer)) {
                customerId = Uuids.parse(customer).map(CustomerId::new).orElse(null);
                if (customerId == null) {
                    errors.put("customer", "invoices.filter.customer.unknown");
                }
            }
            OffsetDateTime createdFrom = date(from, "from", errors);
            OffsetDateTime createdTo = date(to, "to", errors);
            InvoiceId startingAfter = blank(after) ? null : Uuids.parse(after).map(InvoiceId::new).orElse(null);
            return new InvoiceQuery(wanted, customerId, createdFrom, createdTo == null ? null : createdTo.plusDays(1),
                    overdue, limit, startingAfter);
        }

        boolean filtered() {
            return !blank(status) || !blank(customer) || !blank(from) || !blank(to);
        }

        private static OffsetDateTime date(String text, String field, Map<String, String> errors) {
            if (blank(text)) {
                return null;
            }
            try {
                return LocalDate.parse(text.strip()).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                errors.put(field, "invoices.filter.date.invalid");
                return null;
            }
        }
    }

    @GetMapping("/app/organizations/{id}/invoices")
    String list(@PathVariable String id, @ModelAttribute("filters") Filters filters, Model model) {
        Caller caller = caller(id);
        Map<String, String> errors = new LinkedHashMap<>();
        InvoiceQuery query = filters.query(PAGE_SIZE + 1, errors);
        List<Invoice> found = errors.isEmpty() ? invoices.list(caller.organization(), query) : List.of();
        boolean more = found.size() > PAGE_SIZE;
        List<Invoice> shown = more ? found.subList(0, PAGE_SIZE) : found;
        Instant now = invoices.now();
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("invoices", shown);
        model.addAttribute("customerNames", customerNames(caller.organization(), shown));
        model.addAttribute("customers", customerOptions(caller.organization()));
        model.addAttribute("chips", CHIPS);
        model.addAttribute("errors", errors);
        model.addAttribute("filtered", filters.filtered());
        model.addAttribute("next", more ? shown.getLast().id().toString() : null);
        model.addAttribute("now", now);
        model.addAttribute("statistics", invoices.statistics(caller.organization(), now.minus(Duration.ofDays(30)),
                now.plusSeconds(1)));
        return "invoices/list";
    }

    @GetMapping("/app/organizations/{id}/invoices/export.csv")
    void export(@PathVariable String id, @ModelAttribute("filters") Filters filters, HttpServletResponse response) {
        Caller caller = caller(id);
        Map<String, String> errors = new LinkedHashMap<>();
        InvoiceQuery query = filters.query(Integer.MAX_VALUE, errors).withLimit(Integer.MAX_VALUE, null);
        if (!errors.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The filters are not valid.");
        }
        InvoiceCsv.write(response, invoices.now(), each -> invoices.export(caller.organization(), query, each));
    }

    @GetMapping("/app/organizations/{id}/invoices/new")
    String newInvoice(@PathVariable String id, @RequestParam(required = false) String customer, Model model) {
        Caller caller = caller(id).requireWrite();
        InvoiceForm form = new InvoiceForm();
        if (customer != null) {
            form.setCustomer(customer);
        }
        model.addAttribute("invoiceForm", form);
        return form(caller, model);
    }

    @PostMapping("/app/organizations/{id}/invoices/new")
    String create(@PathVariable String id, @ModelAttribute("invoiceForm") InvoiceForm form, BindingResult errors,
            @RequestParam(required = false) String add, @RequestParam(required = false) Integer remove, Model model,
            RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        if (form.getLines() == null) {
            form.setLines(new ArrayList<>());
        }
        form.getLines().removeIf(java.util.Objects::isNull);
        if (add != null || remove != null) {
            if (add != null && form.getLines().size() < InvoiceForm.MOST_LINES) {
                form.getLines().add(new InvoiceForm.LineForm());
            }
            if (remove != null && remove >= 0 && remove < form.getLines().size() && form.getLines().size() > 1) {
                form.getLines().remove(remove.intValue());
            }
            return form(caller, model);
        }
        Optional<InvoiceDraft> draft = form.toDraft(
                found -> customers.find(caller.organization(), found).isPresent(), errors);
        if (draft.isEmpty()) {
            return form(caller, model);
        }
        Invoice created;
        try {
            created = invoices.create(caller.organization(), draft.get(), caller.actor(),
                    blank(form.getIdempotencyKey()) ? null : "page-" + form.getIdempotencyKey());
        } catch (Invoices.InvalidInvoiceException invalid) {
            errors.reject("invoices.error.invalid", new Object[] {invalid.getMessage()}, invalid.getMessage());
            return form(caller, model);
        } catch (StripeFailure failure) {
            model.addAttribute("stripeProblem", problem(failure));
            model.addAttribute("stripeMessage", failure.stripeMessage());
            return form(caller, model);
        }
        redirect.addFlashAttribute("saved", "created");
        return "redirect:/app/organizations/" + caller.organization() + "/invoices/" + created.id();
    }

    @GetMapping("/app/organizations/{id}/invoices/{invoice}")
    String detail(@PathVariable String id, @PathVariable String invoice, Model model) {
        Caller caller = caller(id);
        Invoice found = find(caller.organization(), invoice);
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("invoice", found);
        model.addAttribute("overdue", found.isOverdue(invoices.now()));
        model.addAttribute("lines", invoices.lines(caller.organization(), found.id()));
        model.addAttribute("customer", found.customer() == null ? null
                : customers.find(caller.organization(), found.customer()).orElse(null));
        model.addAttribute("actions", java.util.Arrays.stream(InvoiceAction.values()).filter(found::allows)
                .map(InvoiceAction::code).toList());
        model.addAttribute("creditNotes", creditNotes.ofInvoice(caller.organization(), found.id()));
        model.addAttribute("reasons", CreditNote.REASONS);
        return "invoices/detail";
    }

    @PostMapping("/app/organizations/{id}/invoices/{invoice}/credit-notes")
    String creditNote(@PathVariable String id, @PathVariable String invoice, @RequestParam(required = false)
            String amount, @RequestParam(required = false) String reason, @RequestParam(required = false) String memo,
            RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Invoice found = find(caller.organization(), invoice);
        String to = "redirect:/app/organizations/" + caller.organization() + "/invoices/" + found.id();
        Optional<Money> money = Money.currency(found.currency()).flatMap(currency -> Money.parse(amount, currency))
                .filter(parsed -> parsed.minor() > 0);
        if (money.isEmpty()) {
            redirect.addFlashAttribute("creditProblem", "invoices.credit-note.amount.invalid");
            return to;
        }
        try {
            creditNotes.create(caller.organization(), found.id(), money.get().minor(),
                    blank(reason) ? null : reason, blank(memo) ? null : memo.strip());
            redirect.addFlashAttribute("saved", "credit-note");
        } catch (Invoices.InvalidInvoiceException | Invoices.InvoiceStateException refused) {
            redirect.addFlashAttribute("creditProblem", "invoices.credit-note.too-much");
        } catch (StripeFailure failure) {
            redirect.addFlashAttribute("problem", problem(failure));
            redirect.addFlashAttribute("stripeMessage", failure.stripeMessage());
        }
        return to;
    }

    @PostMapping("/app/organizations/{id}/invoices/{invoice}/{action}")
    String act(@PathVariable String id, @PathVariable String invoice, @PathVariable String action,
            RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Invoice found = find(caller.organization(), invoice);
        InvoiceAction wanted = dev.paydeck.shared.mirror.StripeCodes.parse(InvoiceAction.class, action)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String to = "redirect:/app/organizations/" + caller.organization() + "/invoices/" + found.id();
        try {
            invoices.act(caller.organization(), found.id(), wanted, null, caller.actor());
            redirect.addFlashAttribute("saved", wanted.code());
        } catch (Invoices.InvoiceStateException refused) {
            redirect.addFlashAttribute("problem", "state");
        } catch (StripeFailure failure) {
            redirect.addFlashAttribute("problem", problem(failure));
            redirect.addFlashAttribute("stripeMessage", failure.stripeMessage());
        }
        return to;
    }

    private String form(Caller caller, Model model) {
        OrganizationId organization = caller.organization();
        model.addAttribute("organizationId", organization.toString());
        model.addAttribute("customers", customerOptions(organization));
        List<Product> sellable = products.list(organization, Set.of(ProductStatus.ACTIVE), 100, null);
        Map<String, String> productNames = new LinkedHashMap<>();
        sellable.forEach(product -> productNames.put(product.id().toString(), product.name()));
        List<Price> oneTime = new ArrayList<>();
        prices.ofProducts(organization, sellable.stream().map(Product::id).toList()).values()
                .forEach(list -> list.stream().filter(price -> price.status() == PriceStatus.ACTIVE
                        && price.recurring() == null && price.unitAmount() != null).forEach(oneTime::add));
        model.addAttribute("prices", oneTime);
        model.addAttribute("productNames", productNames);
        model.addAttribute("currencies", PriceFields.CURRENCIES);
        return "invoices/form";
    }

    /** A customer as the pages' selects offer it. */
    record CustomerOption(String id, String label) {
    }

    private List<CustomerOption> customerOptions(OrganizationId organization) {
        return customers.list(organization, null, 200, null).stream()
                .filter(customer -> customer.stripeCustomerId() != null)
                .map(customer -> new CustomerOption(customer.id().toString(), label(customer))).toList();
    }

    private Map<String, String> customerNames(OrganizationId organization, List<Invoice> shown) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Invoice invoice : shown) {
            if (invoice.customer() != null && !names.containsKey(invoice.customer().toString())) {
                customers.find(organization, invoice.customer()).ifPresent(customer -> names.put(
                        invoice.customer().toString(), label(customer)));
            }
        }
        return names;
    }

    static String label(Customer customer) {
        if (customer.name() != null && customer.email() != null) {
            return customer.name() + " <" + customer.email() + ">";
        }
        return customer.email() != null ? customer.email() : customer.name() != null ? customer.name()
                : customer.id().toString();
    }

    private static String problem(StripeFailure failure) {
        return switch (failure.kind()) {
            case CREDENTIALS -> "credentials";
            case UNAVAILABLE -> "unreachable";
            default -> "refused";
        };
    }

    private Invoice find(OrganizationId organization, String invoice) {
        return Uuids.parse(invoice).map(InvoiceId::new).flatMap(found -> invoices.find(organization, found))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Caller caller(String id) {
        return callers.in(OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
