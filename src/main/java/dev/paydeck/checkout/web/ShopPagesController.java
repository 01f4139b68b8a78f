package dev.paydeck.checkout.web;

import dev.paydeck.checkout.PayLink;
import dev.paydeck.checkout.PayLinks;
import dev.paydeck.checkout.ShopItem;
import dev.paydeck.checkout.ShopItems;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.payments.PaymentRequest;
import dev.paydeck.payments.Payments;
import dev.paydeck.shared.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;
import java.util.UUID;

/**
 * An organization's public storefront, {@code /shop/{organization}} (no sign-in): its shop items; the buyer picks
 * one, gives an email, and is sent to the hosted payment page of a payment made for it through Paydeck's payments
 * (so it is the organization's, in its dashboard). The form carries an idempotency key: a double submit is one
 * payment, with one link.
 */
@Controller
class ShopPagesController {

    private final Organizations organizations;
    private final ShopItems items;
    private final Payments payments;
    private final PayLinks links;

    ShopPagesController(Organizations organizations, ShopItems items, Payments payments, PayLinks links) {
        this.organizations = organizations;
        this.items = items;
        this.payments = payments;
        this.links = links;
    }

    @GetMapping("/shop/{organization}")
    String storefront(@PathVariable String organization, Model model) {
        Organization shop = shop(organization);
        model.addAttribute("organization", shop);
        model.addAttribute("items", items.list(shop.id()));
        return "shop/storefront";
    }

    @GetMapping("/shop/{organization}/items/{item}")
    String item(@PathVariable String organization, @PathVariable String item, Model model) {
        Organization shop = shop(organization);
        model.addAttribute("shopCheckoutForm", new ShopCheckoutForm("", UUID.randomUUID().toString()));
        return show(shop, item(shop, item), model);
    }

    @PostMapping("/shop/{organization}/items/{item}")
    String buy(@PathVariable String organization, @PathVariable String item,
            @ModelAttribute ShopCheckoutForm shopCheckoutForm, BindingResult errors, Model model) {
        Organization shop = shop(organization);
        ShopItem chosen = item(shop, item);
        String email = Forms.blankToNull(shopCheckoutForm.email());
        if (email == null) {
            errors.rejectValue("email", "shop.email.required");
        } else if (!Forms.isEmail(email)) {
            errors.rejectValue("email", "shop.email.invalid");
        }
        if (errors.hasErrors()) {
            return show(shop, chosen, model);
        }
        String description = chosen.author() == null ? chosen.title() : chosen.title() + " — " + chosen.author();
        var request = new PaymentRequest(chosen.price(), null, email, null, description,
                Map.of("shop_item", chosen.id().toString()), false, null, false, false, null, email, null);
        try {
            var created = payments.create(shop.id(), request,
                    "shop-" + Forms.idempotencyKey(shopCheckoutForm.idempotencyKey()), "shop");
            PayLink link = links.forPayment(shop.id(), created.payment().id(), PayLinks.Source.SHOP);
            return "redirect:" + link.path();
        } catch (StripeFailure e) {
            model.addAttribute("unavailable", true);
            return show(shop, chosen, model);
        }
    }

    private String show(Organization shop, ShopItem item, Model model) {
        model.addAttribute("organization", shop);
        model.addAttribute("item", item);
        return "shop/item";
    }

    private Organization shop(String organization) {
        return OrganizationId.parse(organization).flatMap(organizations::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private ShopItem item(Organization shop, String item) {
        UUID id;
        try {
            id = UUID.fromString(item);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return items.find(shop.id(), id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
