package dev.paydeck.payments.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.payments.Payment;
import dev.paydeck.payments.PaymentStatusGroup;
import dev.paydeck.payments.Payments;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.web.CursorPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The organization's payments pages: the list (status chips, period, amount, customer and text search, pages newest
 * first) and a payment's detail (its timeline, charges, refunds and calls to Stripe), with the capture, cancel and
 * refund buttons for people who may write (they post to {@link PaymentActionsController}); a viewer sees none.
 */
@Controller
@RequestMapping("/app/organizations/{id}/payments")
class PaymentPagesController {

    /** Currencies the amount filter offers after the organization's own. */
    private static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "MXN",
            "COP", "BRL");

    private final PaymentPages pages;
    private final Payments payments;
    private final Customers customers;
    private final Organizations organizations;
    private final Clock clock;

    PaymentPagesController(PaymentPages pages, Payments payments, Customers customers, Organizations organizations,
            Clock clock) {
        this.pages = pages;
        this.clock = clock;
        this.payments = payments;
        this.customers = customers;
        this.organizations = organizations;
    }

    /** A row of the list: the payment, its chip, its customer's email (null without one). */
    record Row(Payment payment, String chip, String customerEmail) {
    }

    @GetMapping
    String list(@PathVariable String id, @ModelAttribute("filters") PaymentFilters filters,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale,
            HttpServletResponse response) {
        Caller caller = pages.caller(id);
        OrganizationId organization = caller.organization();
        ZoneId zone = ZoneId.systemDefault();
        String defaultCurrency = organizations.find(organization).map(o -> o.defaultCurrency()).orElse(null);
        Set<String> currencies = new LinkedHashSet<>();
        if (defaultCurrency != null) {
            currencies.add(defaultCurrency.toUpperCase(Locale.ROOT));
        }
        currencies.addAll(CURRENCIES);
        model.addAttribute("organizationId", organization.toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("groups", Arrays.asList(PaymentStatusGroup.values()));
        model.addAttribute("currency", filters.currency() != null && !filters.currency().isBlank()
                ? filters.currency() : currencies.iterator().next());
        model.addAttribute("currencies", currencies);
        model.addAttribute("zone", PaymentPages.zoneName(zone, locale));
        model.addAttribute("filtered", filters.any());
        PaymentFilters.Read read = filters.read(zone);
        model.addAttribute("errors", read.errors());
        if (read.search() == null) {
            model.addAttribute("rows", List.of());
            model.addAttribute("page", new CursorPage<>(List.of(), false, null));
            // Bad filters in the address: said in plain words on the page; htmx swaps only successful answers.
            if (htmx == null) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
            return "payments/list";
        }
        CursorPage<Payment> page = CursorPage.of(payments.search(organization, read.search()), PaymentFilters.PAGE,
                Payment::id);
        Map<CustomerId, String> emails = new HashMap<>();
        for (Payment payment : page.data()) {
            if (payment.customerId() != null && !emails.containsKey(payment.customerId())) {
                emails.put(payment.customerId(), customers.find(organization, payment.customerId())
                        .map(Customer::email).orElse(null));
            }
        }
        model.addAttribute("page", page);
        if (defaultCurrency == null && (filters.currency() == null || filters.currency().isBlank())
                && !page.data().isEmpty()) {
            // No currency of its own: the amount filter starts in the currency of the newest payment shown.
            String newest = page.data().getFirst().amount().currency().getCurrencyCode();
            Set<String> first = new LinkedHashSet<>(List.of(newest));
            first.addAll(currencies);
            model.addAttribute("currencies", first);
            model.addAttribute("currency", newest);
        }
        model.addAttribute("rows", page.data().stream().map(payment -> new Row(payment,
                PaymentStatusGroup.of(payment).code(),
                payment.customerId() == null ? null : emails.get(payment.customerId()))).toList());
        return "payments/list";
    }

    /**
     * The list's payments as CSV, every one the filters match (not only a page), streamed; filters that are not
     * understood lead back to the list, which says what is wrong with them.
     */
    @GetMapping("/export.csv")
    void export(@PathVariable String id, @ModelAttribute("filters") PaymentFilters filters,
            HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        OrganizationId organization = pages.caller(id).organization();
        ZoneId zone = ZoneId.systemDefault();
        PaymentFilters.Read read = filters.read(zone);
        if (read.search() == null) {
            response.sendRedirect(request.getContextPath() + "/app/organizations/" + organization + "/payments?"
                    + request.getQueryString());
            return;
        }
        PaymentCsv.write(response, LocalDate.ofInstant(clock.instant(), zone), organization, customers,
                each -> payments.export(organization, read.search(), each));
    }

    @GetMapping("/{paymentId}")
    String detail(@PathVariable String id, @PathVariable String paymentId, Model model, Locale locale) {
        Caller caller = pages.caller(id);
        Payment payment = pages.payment(caller, paymentId);
        return pages.detail(caller, payment, RefundForm.fresh(payment, locale), Map.of(), false, model, locale);
    }
}
