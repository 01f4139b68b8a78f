package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.billing.Price;
import dev.paydeck.billing.PriceId;
import dev.paydeck.billing.PriceStatus;
import dev.paydeck.billing.Prices;
import dev.paydeck.billing.Product;
import dev.paydeck.billing.Products;
import dev.paydeck.billing.Subscription;
import dev.paydeck.billing.SubscriptionChange;
import dev.paydeck.billing.SubscriptionDraft;
import dev.paydeck.billing.SubscriptionId;
import dev.paydeck.billing.SubscriptionPreview;
import dev.paydeck.billing.SubscriptionStatus;
import dev.paydeck.billing.Subscriptions;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerId;
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
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscriptions in pages: the list with its filters (and their CSV), the new-subscription form, a subscription's page
 * (status, items, period, trial, next renewal, latest invoice; cancel and resume buttons by status), and the change of
 * plan, whose confirmation shows Stripe's preview first. Viewers see no write buttons, and are refused (403) if they
 * post anyway.
 */
@Controller
class SubscriptionPagesController {

    static final int PAGE_SIZE = 25;
    private static final int CHOICES = 200;

    private final Subscriptions subscriptions;
    private final Prices prices;
    private final Products products;
    private final Customers customers;
    private final Callers callers;
    private final Clock clock;

    SubscriptionPagesController(Subscriptions subscriptions, Prices prices, Products products, Customers customers,
            Callers callers, Clock clock) {
        this.subscriptions = subscriptions;
        this.prices = prices;
        this.products = products;
        this.customers = customers;
        this.callers = callers;
        this.clock = clock;
    }

    /** A recurring price as a choice: its product's name and its terms. */
    record PriceChoice(Price price, String productName) {
    }

    @GetMapping("/app/organizations/{id}/subscriptions")
    String list(@PathVariable String id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String price,
            @RequestParam(required = false) String after, Model model) {
        Caller caller = caller(id);
        SubscriptionStatus wanted = status == null || status.isBlank() ? null : SubscriptionStatus.parse(status)
                .orElse(null);
        CustomerId customerId = optionalId(customer).map(CustomerId::new).orElse(null);
        PriceId priceId = optionalId(price).map(PriceId::new).orElse(null);
        SubscriptionId startingAfter = optionalId(after).map(SubscriptionId::new).orElse(null);
        List<Subscription> found = subscriptions.list(caller.organization(), wanted, customerId, priceId,
                PAGE_SIZE + 1, startingAfter);
        boolean more = found.size() > PAGE_SIZE;
        List<Subscription> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("subscriptions", shown);
        model.addAttribute("customerNames", customerNames(caller.organization(), shown));
        model.addAttribute("statuses", List.of(SubscriptionStatus.values()).stream()
                .filter(s -> !s.isUnresolved()).map(SubscriptionStatus::code).toList());
        model.addAttribute("status", wanted == null ? "" : wanted.code());
        model.addAttribute("customer", customerId == null ? "" : customerId.toString());
        model.addAttribute("price", priceId == null ? "" : priceId.toString());
        model.addAttribute("priceChoices", priceChoices(caller.organization(), false));
        model.addAttribute("filtered", wanted != null || customerId != null || priceId != null);
        model.addAttribute("next", more ? shown.getLast().id().toString() : null);
        model.addAttribute("paged", startingAfter != null);
        return "subscriptions/list";
    }

    @GetMapping("/app/organizations/{id}/subscriptions/export")
    void export(@PathVariable String id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String customer, @RequestParam(required = false) String price,
            HttpServletResponse response) {
        Caller caller = caller(id);
        SubscriptionStatus wanted = status == null || status.isBlank() ? null : SubscriptionStatus.parse(status)
                .orElse(null);
        CustomerId customerId = optionalId(customer).map(CustomerId::new).orElse(null);
        PriceId priceId = optionalId(price).map(PriceId::new).orElse(null);
        SubscriptionCsv.write(response, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), caller.organization(),
                customers, each -> subscriptions.export(caller.organization(), wanted, customerId, priceId, each));
    }

    @GetMapping("/app/organizations/{id}/subscriptions/new")
    String newSubscription(@PathVariable String id, @RequestParam(required = false) String customer, Model model) {
        Caller caller = caller(id).requireWrite();
        model.addAttribute("subscriptionForm", SubscriptionForm.empty(customer));
        return form(caller, model);
    }

    @PostMapping("/app/organizations/{id}/subscriptions/new")
    String create(@PathVariable String id, @Valid @ModelAttribute("subscriptionForm") SubscriptionForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Optional<UUID> customer = optionalId(form.customerId());
        Optional<UUID> price = optionalId(form.priceId());
        if (!errors.hasFieldErrors("customerId") && customer.isEmpty()) {
            errors.rejectValue("customerId", "subscriptions.form.customer.required");
        }
        if (!errors.hasFieldErrors("priceId") && price.isEmpty()) {
            errors.rejectValue("priceId", "subscriptions.form.price.required");
        }
        boolean sendInvoice = SubscriptionDraft.SEND_INVOICE.equals(form.collectionMethod());
        if (!sendInvoice && !SubscriptionDraft.CHARGE_AUTOMATICALLY.equals(form.collectionMethod())) {
            errors.rejectValue("collectionMethod", "subscriptions.form.collection.invalid");
        }
        if (errors.hasErrors()) {
            return form(caller, model);
        }
        Subscription created;
        try {
            created = subscriptions.create(caller.organization(), new SubscriptionDraft(new CustomerId(customer.get()),
                    new PriceId(price.get()), form.quantity() == null ? 1 : form.quantity(), form.trialPeriodDays(),
                    form.collectionMethod(), sendInvoice ? (form.daysUntilDue() == null ? 30 : form.daysUntilDue())
                    : null, null), caller.actor(), blank(form.idempotencyKey()) ? null : form.idempotencyKey());
        } catch (Subscriptions.SubscriptionRefused refused) {
            errors.rejectValue("price_id".equals(refused.field()) ? "priceId" : "customerId",
                    "price_id".equals(refused.field()) ? "subscriptions.form.price.unusable"
                            : "subscriptions.form.customer.unusable");
            return form(caller, model);
        } catch (StripeFailure failure) {
            model.addAttribute("stripeProblem", problem(failure));
            model.addAttribute("stripeMessage", failure.stripeMessage());
            return form(caller, model);
        }
        redirect.addFlashAttribute("saved", "created");
        return "redirect:/app/organizations/" + caller.organization() + "/subscriptions/" + created.id();
    }

    @GetMapping("/app/organizations/{id}/subscriptions/{subscription}")
    String detail(@PathVariable String id, @PathVariable String subscription, Model model) {
        Caller caller = caller(id);
        Subscription found = find(caller.organization(), subscription);
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("subscription", found);
        model.addAttribute("customer", customerOf(caller.organization(), found).orElse(null));
        model.addAttribute("priceNames", priceNames(caller.organization(), found));
        return "subscriptions/detail";
    }

    @GetMapping("/app/organizations/{id}/subscriptions/{subscription}/change")
    String changeForm(@PathVariable String id, @PathVariable String subscription, Model model) {
        Caller caller = caller(id).requireWrite();
        Subscription found = find(caller.organization(), subscription);
        Subscription.Item item = found.firstItem();
        model.addAttribute("changeForm", new ChangeForm(item == null || item.price() == null ? ""
                : item.price().toString(), item == null ? 1 : (int) item.quantity(), "always_invoice", null,
                UUID.randomUUID().toString(), found.items().size() == 1 ? item.stripeItemId() : ""));
        return change(caller, found, model);
    }

    @PostMapping("/app/organizations/{id}/subscriptions/{subscription}/change/preview")
    String preview(@PathVariable String id, @PathVariable String subscription,
            @Valid @ModelAttribute("changeForm") ChangeForm form, BindingResult errors, Model model) {
        Caller caller = caller(id).requireWrite();
        Subscription found = find(caller.organization(), subscription);
        Optional<SubscriptionChange> change = change(form, found, errors);
        if (change.isEmpty()) {
            return change(caller, found, model);
        }
        try {
            SubscriptionPreview preview = subscriptions.preview(caller.organization(), found.id(), change.get())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            model.addAttribute("preview", preview);
            model.addAttribute("changeForm", new ChangeForm(form.priceId(), form.quantity(),
                    form.prorationBehavior(), preview.prorationDate(), form.idempotencyKey(), form.item()));
        } catch (Subscriptions.SubscriptionRefused refused) {
            model.addAttribute("refused", true);
        } catch (StripeFailure failure) {
            model.addAttribute("stripeProblem", problem(failure));
            model.addAttribute("stripeMessage", failure.stripeMessage());
        }
        return change(caller, found, model);
    }

    @PostMapping("/app/organizations/{id}/subscriptions/{subscription}/change")
    String confirm(@PathVariable String id, @PathVariable String subscription,
            @Valid @ModelAttribute("changeForm") ChangeForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Subscription found = find(caller.organization(), subscription);
        Optional<SubscriptionChange> change = change(form, found, errors);
        if (change.isEmpty()) {
            return change(caller, found, model);
        }
        try {
            subscriptions.change(caller.organization(), found.id(), change.get(), form.prorationDate(),
                    optionalId(form.idempotencyKey()).orElse(null), caller.actor());
        } catch (Subscriptions.SubscriptionRefused refused) {
            model.addAttribute("refused", true);
            return change(caller, found, model);
        } catch (StripeFailure failure) {
            model.addAttribute("stripeProblem", problem(failure));
            model.addAttribute("stripeMessage", failure.stripeMessage());
            return change(caller, found, model);
        }
        redirect.addFlashAttribute("saved", "changed");
        return "redirect:/app/organizations/" + caller.organization() + "/subscriptions/" + found.id();
    }

    @PostMapping("/app/organizations/{id}/subscriptions/{subscription}/cancel")
    String cancel(@PathVariable String id, @PathVariable String subscription,
            @RequestParam(name = "when", defaultValue = "period_end") String when, RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Subscription found = find(caller.organization(), subscription);
        boolean atPeriodEnd = !"now".equals(when);
        act(redirect, atPeriodEnd ? "cancel-at-period-end" : "canceled", () -> subscriptions.cancel(
                caller.organization(), found.id(), atPeriodEnd, caller.actor()));
        return "redirect:/app/organizations/" + caller.organization() + "/subscriptions/" + found.id();
    }

    @PostMapping("/app/organizations/{id}/subscriptions/{subscription}/resume")
    String resume(@PathVariable String id, @PathVariable String subscription, RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Subscription found = find(caller.organization(), subscription);
        act(redirect, "resumed", () -> subscriptions.resume(caller.organization(), found.id(), caller.actor()));
        return "redirect:/app/organizations/" + caller.organization() + "/subscriptions/" + found.id();
    }

    private static void act(RedirectAttributes redirect, String saved, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", saved);
        } catch (Subscriptions.SubscriptionRefused refused) {
            redirect.addFlashAttribute("refused", true);
        } catch (StripeFailure failure) {
            redirect.addFlashAttribute("stripeProblem", problem(failure));
            redirect.addFlashAttribute("stripeMessage", failure.stripeMessage());
        }
    }

    /** The change the form asks for, or empty with the fields' errors. */
    private static Optional<SubscriptionChange> change(ChangeForm form, Subscription subscription,
            BindingResult errors) {
        Optional<UUID> price = optionalId(form.priceId());
        if (!blank(form.priceId()) && price.isEmpty()) {
            errors.rejectValue("priceId", "subscriptions.form.price.required");
        }
        if (!SubscriptionChange.PRORATION_BEHAVIORS.contains(form.prorationBehavior())) {
            errors.rejectValue("prorationBehavior", "subscriptions.change.proration.invalid");
        }
        if (form.quantity() == null && !errors.hasFieldErrors("quantity")) {
            errors.rejectValue("quantity", "subscriptions.form.quantity.required");
        }
        Subscription.Item item = null;
        if (!blank(form.item())) {
            item = subscription.items().stream().filter(each -> form.item().equals(each.stripeItemId())).findFirst()
                    .orElse(null);
            if (item == null) {
                errors.rejectValue("item", "subscriptions.change.item.unknown");
            }
        } else if (subscription.items().size() > 1) {
            errors.rejectValue("item", "subscriptions.change.item.required");
        } else {
            item = subscription.firstItem();
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Subscription.Item moving = item;
        PriceId newPrice = price.map(PriceId::new).filter(p -> moving == null || !p.equals(moving.price()))
                .orElse(null);
        Long quantity = item != null && form.quantity() == item.quantity() && newPrice == null ? null
                : (long) form.quantity();
        if (newPrice == null && quantity == null) {
            errors.rejectValue("priceId", "subscriptions.change.nothing");
            return Optional.empty();
        }
        return Optional.of(new SubscriptionChange(newPrice, quantity, form.prorationBehavior(),
                item == null ? null : item.stripeItemId(), null));
    }

    private String change(Caller caller, Subscription subscription, Model model) {
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("subscription", subscription);
        model.addAttribute("customer", customerOf(caller.organization(), subscription).orElse(null));
        model.addAttribute("priceNames", priceNames(caller.organization(), subscription));
        model.addAttribute("priceChoices", priceChoices(caller.organization(), true).stream()
                .filter(choice -> choice.price().currency().equalsIgnoreCase(subscription.currency())).toList());
        model.addAttribute("prorations", SubscriptionChange.PRORATION_BEHAVIORS);
        return "subscriptions/change";
    }

    private String form(Caller caller, Model model) {
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("customerChoices", customers.list(caller.organization(), null, CHOICES, null).stream()
                .filter(c -> c.status().isActive() && c.stripeCustomerId() != null).toList());
        model.addAttribute("priceChoices", priceChoices(caller.organization(), true));
        return "subscriptions/form";
    }

    /** The catalog's recurring prices (active ones only, or all), with their products' names. */
    private List<PriceChoice> priceChoices(OrganizationId organization, boolean activeOnly) {
        Map<dev.paydeck.billing.ProductId, String> names = new java.util.HashMap<>();
        return prices.list(organization, activeOnly ? PriceStatus.ACTIVE : null, "recurring", null, CHOICES, null)
                .stream().map(price -> new PriceChoice(price, names.computeIfAbsent(price.product(),
                        product -> products.find(organization, product).map(Product::name).orElse("—"))))
                .toList();
    }

    /** The product names of a subscription's prices, by Stripe price id (those Paydeck knows). */
    private Map<String, String> priceNames(OrganizationId organization, Subscription subscription) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Subscription.Item item : subscription.items()) {
            if (item.price() != null) {
                prices.find(organization, item.price()).flatMap(price -> products.find(organization, price.product()))
                        .ifPresent(product -> names.put(item.stripePriceId(), product.name()));
            }
        }
        return names;
    }

    /** Each listed subscription's customer's name or email, by the subscription's Stripe customer id. */
    private Map<String, String> customerNames(OrganizationId organization, List<Subscription> shown) {
        Map<String, String> names = new java.util.HashMap<>();
        for (Subscription subscription : shown) {
            names.computeIfAbsent(subscription.stripeCustomerId(), stripeId -> customerOf(organization, subscription)
                    .map(c -> c.name() != null && !c.name().isBlank() ? c.name() : c.email()).orElse(stripeId));
        }
        return names;
    }

    private Optional<Customer> customerOf(OrganizationId organization, Subscription subscription) {
        return subscription.customer() != null ? customers.find(organization, subscription.customer())
                : customers.findByStripeId(organization, subscription.stripeCustomerId());
    }

    private static String problem(StripeFailure failure) {
        return switch (failure.kind()) {
            case CREDENTIALS -> "credentials";
            case UNAVAILABLE -> "unreachable";
            default -> "refused";
        };
    }

    private Subscription find(OrganizationId organization, String subscription) {
        return optionalId(subscription).flatMap(uuid -> subscriptions.find(organization, new SubscriptionId(uuid)))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Caller caller(String id) {
        return callers.in(OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static Optional<UUID> optionalId(String text) {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
