package dev.paydeck.checkout.web;

import dev.paydeck.billing.PlanNames;
import dev.paydeck.billing.Pricing;
import dev.paydeck.billing.Subscription;
import dev.paydeck.billing.SubscriptionChange;
import dev.paydeck.billing.SubscriptionPreview;
import dev.paydeck.billing.Subscriptions;
import dev.paydeck.checkout.PortalLink;
import dev.paydeck.checkout.PortalSettings;
import dev.paydeck.organizations.StripeFailure;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer changes a subscription's plan in their portal, when the organization lets them: they choose one of the
 * other plans ({@link PortalPlans}), see what Stripe's invoice preview says the change bills now (charged for the
 * rest of the period at the new price less what is left of the old one, or credited when it is less), and confirm:
 * the change is made at the preview's proration date, so what is billed is what was shown. The difference is invoiced
 * at once ({@code always_invoice}); a credit stays on the customer's balance for their next invoices.
 */
@Controller
class PortalPlanPagesController {

    /** Customers settle the difference at once, as the preview says, rather than on a later invoice. */
    private static final String PRORATION = "always_invoice";

    private final PortalAccess access;
    private final PortalHome home;
    private final PortalPlans plans;
    private final PortalSettings settings;
    private final Subscriptions subscriptions;
    private final PlanNames names;

    PortalPlanPagesController(PortalAccess access, PortalHome home, PortalPlans plans, PortalSettings settings,
            Subscriptions subscriptions, PlanNames names) {
        this.access = access;
        this.home = home;
        this.plans = plans;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.names = names;
    }

    @GetMapping("/portal/{token}/subscriptions/{subscription}/change")
    String choose(@PathVariable String token, @PathVariable String subscription, Model model,
            HttpServletResponse response) {
        PortalLink link = access.require(token, model).link();
        Subscription found = access.theirs(link, subscription);
        Optional<String> refusal = refusal(link, found);
        if (refusal.isPresent()) {
            return home.refused(link, refusal.get(), model, response);
        }
        return page(link, found, null, model);
    }

    @PostMapping("/portal/{token}/subscriptions/{subscription}/change/preview")
    String preview(@PathVariable String token, @PathVariable String subscription,
            @RequestParam(required = false) String priceId, Model model, HttpServletResponse response) {
        PortalLink link = access.require(token, model).link();
        Subscription found = access.theirs(link, subscription);
        Optional<String> refusal = refusal(link, found);
        if (refusal.isPresent()) {
            return home.refused(link, refusal.get(), model, response);
        }
        Optional<Pricing.Plan> chosen = chosen(link, found, priceId);
        if (chosen.isEmpty()) {
            model.addAttribute("planError", true);
            return page(link, found, null, model);
        }
        try {
            SubscriptionPreview preview = subscriptions.preview(link.organization(), found.id(),
                    change(found, chosen.get())).orElseThrow(PortalAccess::closed);
            model.addAttribute("preview", preview);
            model.addAttribute("credit", preview.total().minor() < 0
                    ? preview.total().withMinor(-preview.total().minor()) : null);
            model.addAttribute("chosen", chosen.get());
            // What each period costs afterwards: the new price, as many times as the subscription has it.
            model.addAttribute("thenAmount", chosen.get().price().unitAmount().withMinor(Math.multiplyExact(
                    chosen.get().price().unitAmount().minor(), found.items().getFirst().quantity())));
            model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        } catch (Subscriptions.SubscriptionRefused e) {
            return home.refused(link, "unchangeable", model, response);
        } catch (StripeFailure e) {
            model.addAttribute("stripeProblem", true);
        }
        return page(link, found, chosen.get(), model);
    }

    @PostMapping("/portal/{token}/subscriptions/{subscription}/change")
    String confirm(@PathVariable String token, @PathVariable String subscription,
            @RequestParam(required = false) String priceId, @RequestParam(required = false) Long prorationDate,
            @RequestParam(required = false) String idempotencyKey, Model model, HttpServletResponse response) {
        PortalLink link = access.require(token, model).link();
        Subscription found = access.theirs(link, subscription);
        if (!settings.of(link.organization()).customersChangePlan()) {
            return home.refused(link, "change", model, response);
        }
        if (alreadyOn(found, priceId)) {
            // The same confirmation sent again: the first one changed the plan.
            return "redirect:/portal/" + token + "?done=changed";
        }
        Optional<String> refusal = refusal(link, found);
        if (refusal.isPresent()) {
            return home.refused(link, refusal.get(), model, response);
        }
        Optional<Pricing.Plan> chosen = chosen(link, found, priceId);
        if (chosen.isEmpty()) {
            model.addAttribute("planError", true);
            return page(link, found, null, model);
        }
        try {
            subscriptions.change(link.organization(), found.id(), change(found, chosen.get()), prorationDate,
                    key(idempotencyKey), PortalPagesController.CUSTOMER);
        } catch (Subscriptions.SubscriptionRefused e) {
            return home.refused(link, "unchangeable", model, response);
        } catch (StripeFailure e) {
            model.addAttribute("stripeProblem", true);
            return page(link, found, chosen.get(), model);
        }
        return "redirect:/portal/" + token + "?done=changed";
    }

    /** Why the customer may not change this subscription's plan here ({@code change}, {@code unchangeable}). */
    private Optional<String> refusal(PortalLink link, Subscription subscription) {
        if (!settings.of(link.organization()).customersChangePlan()) {
            return Optional.of("change");
        }
        return plans.others(link.organization(), subscription).isEmpty() ? Optional.of("unchangeable")
                : Optional.empty();
    }

    private Optional<Pricing.Plan> chosen(PortalLink link, Subscription subscription, String priceId) {
        return plans.others(link.organization(), subscription).stream()
                .filter(plan -> plan.price().id().toString().equals(priceId)).findFirst();
    }

    private static boolean alreadyOn(Subscription subscription, String priceId) {
        return priceId != null && subscription.items().size() == 1 && subscription.items().getFirst().price() != null
                && subscription.items().getFirst().price().toString().equals(priceId);
    }

    private static SubscriptionChange change(Subscription subscription, Pricing.Plan plan) {
        return new SubscriptionChange(plan.price().id(), null, PRORATION,
                subscription.items().getFirst().stripeItemId(), null);
    }

    private static UUID key(String idempotencyKey) {
        try {
            return idempotencyKey == null ? null : UUID.fromString(idempotencyKey);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String page(PortalLink link, Subscription subscription, Pricing.Plan chosen, Model model) {
        List<Pricing.Plan> others = plans.others(link.organization(), subscription);
        model.addAttribute("subscription", subscription);
        model.addAttribute("plan", names.of(link.organization(), subscription));
        model.addAttribute("currentPlan", plans.current(link.organization(), subscription).orElse(null));
        model.addAttribute("plans", others);
        model.addAttribute("selected", chosen == null ? "" : chosen.price().id().toString());
        return "portal/change-plan";
    }
}
