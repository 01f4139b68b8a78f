package dev.paydeck.checkout.web;

import dev.paydeck.organizations.StripeJsLocation;
import dev.paydeck.billing.InvoiceQuery;
import dev.paydeck.billing.InvoiceStatus;
import dev.paydeck.billing.Invoices;
import dev.paydeck.billing.PlanNames;
import dev.paydeck.billing.Subscription;
import dev.paydeck.billing.SubscriptionId;
import dev.paydeck.billing.Subscriptions;
import dev.paydeck.checkout.PortalLink;
import dev.paydeck.checkout.PortalLinks;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerCards;
import dev.paydeck.customers.CustomerStatus;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.Money;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The customer portal, {@code /portal/{token}}: what one customer of an organization manages on their own, reached by
 * a link the business made for them ({@link PortalLinks}), with no account. Their cards: the default (charged by
 * invoices and subscriptions) first; a new one saved with the Payment Element of the organization's Stripe.js (a
 * SetupIntent; it becomes the default when there was none); another made the default; one removed. An expired or
 * unknown link shows a page saying so (404); nothing of another customer is reachable from a link.
 */
@Controller
class PortalPagesController {

    /** Who the audit log says acted, for what customers do in their portal. */
    private static final String CUSTOMER = "customer (portal)";
    /** At most this many invoices and subscriptions shown, newest first. */
    private static final int SHOWN = 24;
    /** Invoices a customer sees: those sent to be paid and their outcome, not drafts or voided ones. */
    private static final Set<InvoiceStatus> CUSTOMERS_INVOICES = EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PAID,
            InvoiceStatus.UNCOLLECTIBLE);

    private final PortalLinks links;
    private final Customers customers;
    private final CustomerCards cards;
    private final Organizations organizations;
    private final StripeJsLocation stripeJs;
    private final Invoices invoices;
    private final Subscriptions subscriptions;
    private final PlanNames plans;
    private final boolean customersCancel;

    PortalPagesController(PortalLinks links, Customers customers, CustomerCards cards, Organizations organizations,
            StripeJsLocation stripeJs, Invoices invoices, Subscriptions subscriptions, PlanNames plans,
            @Value("${paydeck.portal.customers-cancel:true}") boolean customersCancel) {
        this.links = links;
        this.customers = customers;
        this.cards = cards;
        this.organizations = organizations;
        this.stripeJs = stripeJs;
        this.invoices = invoices;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.customersCancel = customersCancel;
    }

    /** A subscription as its customer sees it. */
    record PortalSubscription(SubscriptionId id, String plan, Money amount, String status,
                              OffsetDateTime periodEnd, OffsetDateTime trialEnd, boolean cancelAtPeriodEnd) {
    }

    /** A link that opens nothing (expired, unknown, or its customer deleted), or a card not the customer's. */
    private static ResponseStatusException closed() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** What a portal page shows first: the organization and the customer of a link that opens. */
    private record Portal(PortalLink link, Organization organization, Customer customer) {
    }

    @GetMapping("/portal/{token}")
    String portal(@PathVariable String token, @RequestParam(required = false) String done, Model model,
            HttpServletResponse response) {
        Optional<Portal> portal = open(token, model);
        if (portal.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/closed";
        }
        var link = portal.get().link();
        try {
            model.addAttribute("cards", cards.cards(link.organization(), link.customer()));
            model.addAttribute("defaultCard", cards.defaultCard(link.organization(), link.customer()).orElse(""));
        } catch (StripeFailure e) {
            model.addAttribute("unavailable", true);
        }
        model.addAttribute("invoices", invoices.list(link.organization(), new InvoiceQuery(null, link.customer(),
                        null, null, false, SHOWN, null)).stream()
                .filter(invoice -> CUSTOMERS_INVOICES.contains(invoice.status())).toList());
        model.addAttribute("subscriptions", subscriptions.list(link.organization(), null, link.customer(), null,
                        SHOWN, null).stream()
                .filter(subscription -> subscription.status().isLive())
                .map(subscription -> new PortalSubscription(subscription.id(), plans.of(link.organization(),
                        subscription), subscription.periodAmount().orElse(null), subscription.status().code(),
                        subscription.currentPeriodEnd(), subscription.trialEnd(), subscription.cancelAtPeriodEnd()))
                .toList());
        model.addAttribute("customersCancel", customersCancel);
        if (done != null && done.matches("added|defaulted|removed|not-added|canceled|resumed")) {
            model.addAttribute("done", done);
        }
        return "portal/portal";
    }

    @GetMapping("/portal/{token}/cards/new")
    String newCard(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Portal> portal = open(token, model);
        if (portal.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/closed";
        }
        PortalLink link = portal.get().link();
        try {
            var setup = cards.setUp(link.organization(), link.customer()).orElse(null);
            if (setup == null) {
                model.addAttribute("unavailable", true);
                return "portal/new-card";
            }
            model.addAttribute("clientSecret", setup.clientSecret());
            model.addAttribute("publishableKey", setup.publishableKey());
            model.addAttribute("stripeJs", stripeJs.of(link.organization()));
            model.addAttribute("returnUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/portal/" + token + "/cards/added").toUriString());
        } catch (StripeFailure e) {
            model.addAttribute("unavailable", true);
        }
        return "portal/new-card";
    }

    /** Where Stripe.js returns the customer once the SetupIntent is confirmed (after 3-D Secure too). */
    @GetMapping("/portal/{token}/cards/added")
    String cardAdded(@PathVariable String token, @RequestParam(name = "setup_intent", required = false) String intent,
            Model model) {
        PortalLink link = open(token, model).orElseThrow(PortalPagesController::closed).link();
        Optional<String> card = cards.savedBy(link.organization(), link.customer(), intent);
        card.ifPresent(saved -> cards.adopt(link.organization(), link.customer(), saved));
        return "redirect:/portal/" + token + "?done=" + (card.isPresent() ? "added" : "not-added");
    }

    @PostMapping("/portal/{token}/cards/{card}/default")
    String makeDefault(@PathVariable String token, @PathVariable String card, Model model) {
        PortalLink link = open(token, model).orElseThrow(PortalPagesController::closed).link();
        if (!cards.makeDefault(link.organization(), link.customer(), card)) {
            throw closed();
        }
        return "redirect:/portal/" + token + "?done=defaulted";
    }

    @PostMapping("/portal/{token}/cards/{card}/remove")
    String remove(@PathVariable String token, @PathVariable String card, Model model) {
        PortalLink link = open(token, model).orElseThrow(PortalPagesController::closed).link();
        if (!cards.remove(link.organization(), link.customer(), card)) {
            throw closed();
        }
        return "redirect:/portal/" + token + "?done=removed";
    }

    /** Cancels one of the customer's subscriptions at the end of its period (when the business lets customers). */
    @PostMapping("/portal/{token}/subscriptions/{subscription}/cancel")
    String cancel(@PathVariable String token, @PathVariable String subscription, Model model) {
        PortalLink link = open(token, model).orElseThrow(PortalPagesController::closed).link();
        SubscriptionId id = theirs(link, subscription);
        if (!customersCancel) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        subscriptions.cancel(link.organization(), id, true, CUSTOMER);
        return "redirect:/portal/" + token + "?done=canceled";
    }

    /** Keeps a subscription the customer had canceled at the end of its period. */
    @PostMapping("/portal/{token}/subscriptions/{subscription}/resume")
    String resume(@PathVariable String token, @PathVariable String subscription, Model model) {
        PortalLink link = open(token, model).orElseThrow(PortalPagesController::closed).link();
        subscriptions.resume(link.organization(), theirs(link, subscription), CUSTOMER);
        return "redirect:/portal/" + token + "?done=resumed";
    }

    /** The subscription's id when it is one of the link's customer's; 404 otherwise. */
    private SubscriptionId theirs(PortalLink link, String subscription) {
        SubscriptionId id;
        try {
            id = new SubscriptionId(UUID.fromString(subscription));
        } catch (IllegalArgumentException e) {
            throw closed();
        }
        return subscriptions.find(link.organization(), id)
                .filter(found -> link.customer().equals(found.customer())).map(found -> id)
                .orElseThrow(PortalPagesController::closed);
    }


    /** The link's organization and customer, into the model; empty (and 404) when the link opens nothing. */
    private Optional<Portal> open(String token, Model model) {
        Optional<Portal> portal = links.open(token).flatMap(link -> organizations.find(link.organization())
                .flatMap(organization -> customers.find(link.organization(), link.customer())
                        .filter(customer -> customer.status() == CustomerStatus.ACTIVE)
                        .map(customer -> new Portal(link, organization, customer))));
        portal.ifPresentOrElse(found -> {
            model.addAttribute("token", token);
            model.addAttribute("organization", found.organization());
            model.addAttribute("customer", found.customer());
            model.addAttribute("returnUrl", found.link().returnUrl());
        }, () -> model.addAttribute("closed", true));
        return portal;
    }
}
