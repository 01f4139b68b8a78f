package dev.paydeck.billing.web;

import dev.paydeck.billing.PriceId;
import dev.paydeck.billing.Pricing;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.shared.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * An organization's public pricing page, {@code /pricing/{organization}} (no sign-in): its plans by product, for one
 * period at a time (a toggle between the periods it has, monthly by default), each with a Subscribe button. The
 * subscription checkout comes later: for now Subscribe leads to a page saying which plan was chosen, which takes an
 * email and says that subscribing is not open yet (nothing is charged or stored). It shows the organization's name
 * and offered plans, nothing else of it.
 */
@Controller
class PricingPageController {

    private final Organizations organizations;
    private final Pricing pricing;

    PricingPageController(Organizations organizations, Pricing pricing) {
        this.organizations = organizations;
        this.pricing = pricing;
    }

    @GetMapping("/pricing/{organization}")
    String pricing(@PathVariable String organization, @RequestParam(required = false) String period, Model model) {
        Organization seller = seller(organization);
        List<Pricing.Plan> plans = pricing.plans(seller.id());
        List<Pricing.Period> periods = Pricing.periods(plans);
        Pricing.Period shown = periods.stream().filter(p -> p.key().equals(period)).findFirst()
                .or(() -> periods.stream().filter(p -> p.key().equals("month")).findFirst())
                .or(() -> periods.stream().findFirst()).orElse(null);
        model.addAttribute("organization", seller);
        model.addAttribute("periods", periods);
        model.addAttribute("shown", shown);
        model.addAttribute("offers", shown == null ? List.of() : Pricing.offers(plans, shown));
        return "pricing/page";
    }

    @GetMapping("/pricing/{organization}/subscribe")
    String subscribe(@PathVariable String organization, @RequestParam(required = false) String price, Model model) {
        Organization seller = seller(organization);
        return chosen(seller, plan(seller, price), "", model);
    }

    /** TODO(subscriptions): start the subscription checkout here once it exists; for now nothing is kept. */
    @PostMapping("/pricing/{organization}/subscribe")
    String subscribeWithEmail(@PathVariable String organization, @RequestParam(required = false) String price,
            @RequestParam(required = false) String email, Model model) {
        Organization seller = seller(organization);
        Pricing.Plan plan = plan(seller, price);
        String typed = email == null ? "" : email.strip();
        if (!looksLikeEmail(typed)) {
            model.addAttribute("emailError", typed.isEmpty() ? "pricing.email.required" : "pricing.email.invalid");
            return chosen(seller, plan, typed, model);
        }
        model.addAttribute("notOpenYet", true);
        return chosen(seller, plan, typed, model);
    }

    private String chosen(Organization seller, Pricing.Plan plan, String email, Model model) {
        model.addAttribute("organization", seller);
        model.addAttribute("plan", plan);
        model.addAttribute("email", email);
        return "pricing/subscribe";
    }

    private Pricing.Plan plan(Organization seller, String price) {
        try {
            return pricing.plan(seller.id(), new PriceId(java.util.UUID.fromString(String.valueOf(price))))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private Organization seller(String organization) {
        return OrganizationId.parse(organization).flatMap(organizations::find)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static boolean looksLikeEmail(String text) {
        return text.length() <= 254 && text.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    }
}
