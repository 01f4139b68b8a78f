package dev.paydeck.billing.web;

import dev.paydeck.billing.PriceId;
import dev.paydeck.billing.Pricing;
import dev.paydeck.billing.Subscription;
import dev.paydeck.billing.SubscriptionDraft;
import dev.paydeck.billing.SubscriptionId;
import dev.paydeck.billing.SubscriptionStatus;
import dev.paydeck.billing.Subscriptions;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerDraft;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.organizations.StripeJsLocation;
import dev.paydeck.shared.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organization's public pricing page, {@code /pricing/{organization}} (no sign-in): its plans by product, for one
 * period at a time (a toggle between the periods it has, monthly by default), each with a Subscribe button, and the
 * subscription checkout behind it. The customer gives an email (an existing customer of that email is reused); a plan
 * with a trial starts at once with no card (the notice before the trial ends links to the customer's portal to add
 * one); any other starts {@code default_incomplete} and its first invoice is paid right there with the Payment
 * Element of the organization's Stripe.js — the subscription becomes active when Stripe says the payment succeeded
 * (its webhook). A double submit makes one subscription (an idempotency key in the form). It shows the organization's
 * name and offered plans, nothing else of it.
 */
@Controller
class PricingPageController {

    /** Who the audit log says acted, for a subscription made on the pricing page. */
    private static final String ACTOR = "customer (pricing page)";

    private final Organizations organizations;
    private final Pricing pricing;
    private final Customers customers;
    private final Subscriptions subscriptions;
    private final StripeClients stripe;
    private final StripeJsLocation stripeJs;

    PricingPageController(Organizations organizations, Pricing pricing, Customers customers,
            Subscriptions subscriptions, StripeClients stripe, StripeJsLocation stripeJs) {
        this.organizations = organizations;
        this.pricing = pricing;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.stripe = stripe;
        this.stripeJs = stripeJs;
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

    @PostMapping("/pricing/{organization}/subscribe")
    String subscribeWithEmail(@PathVariable String organization, @RequestParam(required = false) String price,
            @RequestParam(required = false) String email,
            @RequestParam(name = "idempotency_key", required = false) String idempotencyKey, Model model) {
        Organization seller = seller(organization);
        Pricing.Plan plan = plan(seller, price);
        String typed = email == null ? "" : email.strip();
        if (!looksLikeEmail(typed)) {
            model.addAttribute("emailError", typed.isEmpty() ? "pricing.email.required" : "pricing.email.invalid");
            return chosen(seller, plan, typed, model);
        }
        String key = idempotencyKey != null && idempotencyKey.matches("[A-Za-z0-9-]{8,64}")
                ? "pricing:" + idempotencyKey : null;
        Subscription subscription;
        try {
            CustomerId customer = customerOf(seller, typed, key);
            boolean trial = plan.trialDays() != null && plan.trialDays() > 0;
            subscription = subscriptions.create(seller.id(), new SubscriptionDraft(customer, plan.price().id(), 1,
                    trial ? plan.trialDays() : null, SubscriptionDraft.CHARGE_AUTOMATICALLY, null, Map.of(),
                    trial ? null : SubscriptionDraft.DEFAULT_INCOMPLETE), ACTOR, key);
        } catch (StripeFailure | Subscriptions.SubscriptionRefused e) {
            model.addAttribute("unavailable", true);
            return chosen(seller, plan, typed, model);
        }
        String done = "/pricing/" + seller.id() + "/subscribed/" + subscription.id();
        if (subscription.status() == SubscriptionStatus.TRIALING || subscription.status() == SubscriptionStatus.ACTIVE) {
            return "redirect:" + done;
        }
        String secret;
        try {
            secret = subscriptions.firstPaymentSecret(seller.id(), subscription.id()).orElse(null);
        } catch (StripeFailure e) {
            secret = null;
        }
        if (secret == null) {
            model.addAttribute("unavailable", true);
            return chosen(seller, plan, typed, model);
        }
        model.addAttribute("organization", seller);
        model.addAttribute("plan", plan);
        model.addAttribute("clientSecret", secret);
        model.addAttribute("publishableKey", stripe.publishableKey(seller.id()));
        model.addAttribute("stripeJs", stripeJs.of(seller.id()));
        model.addAttribute("returnUrl", ServletUriComponentsBuilder.fromCurrentContextPath().path(done)
                .toUriString());
        return "pricing/pay";
    }

    /** Where the checkout ends: after the first payment (Stripe.js returns here), or at once for a trial. */
    @GetMapping("/pricing/{organization}/subscribed/{subscription}")
    String subscribed(@PathVariable String organization, @PathVariable String subscription,
            @RequestParam(name = "redirect_status", required = false) String redirectStatus, Model model) {
        Organization seller = seller(organization);
        Subscription found;
        try {
            found = subscriptions.find(seller.id(), new SubscriptionId(UUID.fromString(String.valueOf(subscription))))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException notAnId) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("organization", seller);
        model.addAttribute("subscription", found);
        model.addAttribute("outcome", found.status() == SubscriptionStatus.TRIALING ? "trial"
                : found.status() == SubscriptionStatus.ACTIVE || "succeeded".equals(redirectStatus) ? "active"
                : "processing".equals(redirectStatus) ? "processing" : "failed");
        return "pricing/subscribed";
    }

    /** The customer of that email, made now if the organization has none (once per form, by its key). */
    private CustomerId customerOf(Organization seller, String email, String key) {
        return customers.list(seller.id(), email, 20, null).stream()
                .filter(customer -> email.equalsIgnoreCase(customer.email()) && customer.status().isActive()
                        && customer.stripeCustomerId() != null)
                .map(Customer::id).findFirst()
                .orElseGet(() -> customers.create(seller.id(), new CustomerDraft(email, null, null, null, Map.of()),
                        ACTOR, key == null ? null : key + ":customer").id());
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
