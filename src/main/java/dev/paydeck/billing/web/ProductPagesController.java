package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.billing.Price;
import dev.paydeck.billing.PriceDraft;
import dev.paydeck.billing.PriceId;
import dev.paydeck.billing.Prices;
import dev.paydeck.billing.Product;
import dev.paydeck.billing.ProductDraft;
import dev.paydeck.billing.ProductId;
import dev.paydeck.billing.ProductStatus;
import dev.paydeck.billing.Products;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
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

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization's catalog in pages: the products (active or archived) with their prices, a product's page (its
 * prices, a form to add one, archive buttons) and the new-product form with its first price. Viewers see no write
 * buttons, and are refused (403) if they post anyway.
 */
@Controller
class ProductPagesController {

    static final int PAGE_SIZE = 25;

    private final Products products;
    private final Prices prices;
    private final Callers callers;

    ProductPagesController(Products products, Prices prices, Callers callers) {
        this.products = products;
        this.prices = prices;
        this.callers = callers;
    }

    @GetMapping("/app/organizations/{id}/products")
    String list(@PathVariable String id, @RequestParam(required = false) String status,
            @RequestParam(required = false) String after, Model model) {
        Caller caller = caller(id);
        boolean archived = "archived".equals(status);
        ProductId startingAfter = after == null ? null : new ProductId(parse(after));
        List<Product> found = products.list(caller.organization(), archived ? java.util.Set.of(ProductStatus.ARCHIVED)
                : java.util.Set.of(ProductStatus.ACTIVE, ProductStatus.PENDING, ProductStatus.UNKNOWN), PAGE_SIZE + 1,
                startingAfter);
        boolean more = found.size() > PAGE_SIZE;
        List<Product> shown = more ? found.subList(0, PAGE_SIZE) : found;
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("archived", archived);
        model.addAttribute("products", shown);
        model.addAttribute("prices", prices.ofProducts(caller.organization(),
                shown.stream().map(Product::id).toList()));
        model.addAttribute("next", more ? shown.getLast().id().toString() : null);
        model.addAttribute("paged", startingAfter != null);
        return "products/list";
    }

    @GetMapping("/app/organizations/{id}/products/new")
    String newProduct(@PathVariable String id, Model model) {
        Caller caller = caller(id).requireWrite();
        model.addAttribute("productForm", ProductForm.empty());
        return form(caller, model);
    }

    @PostMapping("/app/organizations/{id}/products/new")
    String create(@PathVariable String id, @Valid @ModelAttribute("productForm") ProductForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Optional<Money> amount = PriceFields.amount(form.amount(), form.currency(), errors);
        Optional<Price.Recurring> recurring = PriceFields.recurring(form.billing(), form.intervalCount(), errors);
        if (errors.hasErrors()) {
            return form(caller, model);
        }
        String key = blank(form.idempotencyKey()) ? null : form.idempotencyKey();
        Product created;
        try {
            created = products.create(caller.organization(), new ProductDraft(form.name().strip(),
                    blank(form.description()) ? null : form.description().strip(), null), caller.actor(), key);
        } catch (StripeFailure failure) {
            model.addAttribute("stripeProblem", problem(failure));
            model.addAttribute("stripeMessage", failure.stripeMessage());
            return form(caller, model);
        }
        String to = "redirect:/app/organizations/" + caller.organization() + "/products/" + created.id();
        if (created.status() != ProductStatus.ACTIVE) {
            redirect.addFlashAttribute("saved", "product-pending");
            return to;
        }
        try {
            prices.create(caller.organization(), created.id(), new PriceDraft(amount.orElseThrow(), null,
                    recurring.orElse(null), null, false, null, null), caller.actor(), key == null ? null : key + "-price");
            redirect.addFlashAttribute("saved", "product-created");
        } catch (StripeFailure | Prices.ProductNotSellable failure) {
            redirect.addFlashAttribute("saved", "price-failed");
        }
        return to;
    }

    @GetMapping("/app/organizations/{id}/products/{product}")
    String detail(@PathVariable String id, @PathVariable String product, Model model) {
        Caller caller = caller(id);
        Product found = find(caller.organization(), product);
        if (!model.containsAttribute("priceForm")) {
            List<Price> existing = prices.ofProduct(caller.organization(), found.id());
            model.addAttribute("priceForm", PriceForm.empty(existing.isEmpty() ? "usd" : existing.getLast().currency()));
        }
        return detail(caller, found, model);
    }

    @PostMapping("/app/organizations/{id}/products/{product}/prices")
    String addPrice(@PathVariable String id, @PathVariable String product,
            @Valid @ModelAttribute("priceForm") PriceForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        Caller caller = caller(id).requireWrite();
        Product found = find(caller.organization(), product);
        Optional<Money> amount = PriceFields.amount(form.amount(), form.currency(), errors);
        Optional<Price.Recurring> recurring = PriceFields.recurring(form.billing(), form.intervalCount(), errors);
        if (errors.hasErrors()) {
            return detail(caller, found, model);
        }
        try {
            prices.create(caller.organization(), found.id(), new PriceDraft(amount.orElseThrow(), null,
                    recurring.orElse(null), null, false, blank(form.nickname()) ? null : form.nickname().strip(), null),
                    caller.actor(), blank(form.idempotencyKey()) ? null : form.idempotencyKey());
        } catch (StripeFailure failure) {
            model.addAttribute("stripeProblem", problem(failure));
            model.addAttribute("stripeMessage", failure.stripeMessage());
            return detail(caller, found, model);
        } catch (Prices.ProductNotSellable notSellable) {
            model.addAttribute("stripeProblem", "not-sellable");
            return detail(caller, found, model);
        }
        redirect.addFlashAttribute("saved", "price-created");
        return "redirect:/app/organizations/" + caller.organization() + "/products/" + found.id();
    }

    @PostMapping("/app/organizations/{id}/products/{product}/archive")
    String archive(@PathVariable String id, @PathVariable String product, RedirectAttributes redirect) {
        Caller caller = caller(id).requireAdmin();
        Product found = find(caller.organization(), product);
        try {
            products.archive(caller.organization(), found.id(), caller.actor());
            redirect.addFlashAttribute("saved", "product-archived");
        } catch (StripeFailure failure) {
            redirect.addFlashAttribute("stripeProblem", problem(failure));
        }
        return "redirect:/app/organizations/" + caller.organization() + "/products/" + found.id();
    }

    @PostMapping("/app/organizations/{id}/products/{product}/prices/{price}/archive")
    String archivePrice(@PathVariable String id, @PathVariable String product, @PathVariable String price,
            RedirectAttributes redirect) {
        Caller caller = caller(id).requireAdmin();
        Product found = find(caller.organization(), product);
        Price target = prices.find(caller.organization(), new PriceId(parse(price)))
                .filter(p -> p.product().equals(found.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            prices.archive(caller.organization(), target.id(), caller.actor());
            redirect.addFlashAttribute("saved", "price-archived");
        } catch (StripeFailure failure) {
            redirect.addFlashAttribute("stripeProblem", problem(failure));
        }
        return "redirect:/app/organizations/" + caller.organization() + "/products/" + found.id();
    }

    private String detail(Caller caller, Product product, Model model) {
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("canArchive", caller.role().canWrite());
        model.addAttribute("product", product);
        model.addAttribute("prices", prices.ofProduct(caller.organization(), product.id()));
        model.addAttribute("billingChoices", PriceFields.BILLING);
        model.addAttribute("currencies", PriceFields.CURRENCIES);
        return "products/detail";
    }

    private String form(Caller caller, Model model) {
        model.addAttribute("organizationId", caller.organization().toString());
        model.addAttribute("billingChoices", PriceFields.BILLING);
        model.addAttribute("currencies", PriceFields.CURRENCIES);
        return "products/form";
    }

    private static String problem(StripeFailure failure) {
        return switch (failure.kind()) {
            case CREDENTIALS -> "credentials";
            case UNAVAILABLE -> "unreachable";
            default -> "refused";
        };
    }

    private Product find(OrganizationId organization, String product) {
        return products.find(organization, new ProductId(parse(product)))
                .filter(found -> found.status() != ProductStatus.DELETED)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Caller caller(String id) {
        return callers.in(OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
