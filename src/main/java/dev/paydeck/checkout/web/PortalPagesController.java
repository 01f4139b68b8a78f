package dev.paydeck.checkout.web;

import dev.paydeck.organizations.StripeJsLocation;
import dev.paydeck.billing.SubscriptionId;
import dev.paydeck.billing.Subscriptions;
import dev.paydeck.checkout.PortalLink;
import dev.paydeck.checkout.PortalSettings;
import dev.paydeck.customers.CustomerCards;
import dev.paydeck.organizations.StripeFailure;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Optional;

/**
 * The customer portal, {@code /portal/{token}}: what one customer of an organization manages on their own, reached by
 * a link the business made for them ({@link dev.paydeck.checkout.PortalLinks}), with no account. Their cards: the
 * default (charged by invoices and subscriptions) first; a new one saved with the Payment Element of the
 * organization's Stripe.js (a SetupIntent; it becomes the default when there was none); another made the default; one
 * removed. An expired or unknown link shows a page saying so (404); nothing of another customer is reachable from a
 * link ({@link PortalAccess}). Subscriptions are canceled at the period's end and kept again, and their plan changed
 * ({@link PortalPlanPagesController}), when the organization lets its customers ({@link PortalSettings}); a form
 * posted anyway is refused (403) with why.
 */
@Controller
class PortalPagesController {

    /** Who the audit log says acted, for what customers do in their portal. */
    static final String CUSTOMER = "customer (portal)";

    private final PortalAccess access;
    private final PortalHome home;
    private final CustomerCards cards;
    private final StripeJsLocation stripeJs;
    private final Subscriptions subscriptions;
    private final PortalSettings settings;

    PortalPagesController(PortalAccess access, PortalHome home, CustomerCards cards, StripeJsLocation stripeJs,
            Subscriptions subscriptions, PortalSettings settings) {
        this.access = access;
        this.home = home;
        this.cards = cards;
        this.stripeJs = stripeJs;
        this.subscriptions = subscriptions;
        this.settings = settings;
    }

    @GetMapping("/portal/{token}")
    String portal(@PathVariable String token, @RequestParam(required = false) String done, Model model,
            HttpServletResponse response) {
        Optional<PortalAccess.Portal> portal = access.open(token, model);
        if (portal.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "portal/closed";
        }
        if (done != null && done.matches("added|defaulted|removed|not-added|canceled|resumed|changed")) {
            model.addAttribute("done", done);
        }
        return home.show(portal.get().link(), model);
    }

    @GetMapping("/portal/{token}/cards/new")
    String newCard(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<PortalAccess.Portal> portal = access.open(token, model);
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
        PortalLink link = access.require(token, model).link();
        Optional<String> card = cards.savedBy(link.organization(), link.customer(), intent);
        card.ifPresent(saved -> cards.adopt(link.organization(), link.customer(), saved));
        return "redirect:/portal/" + token + "?done=" + (card.isPresent() ? "added" : "not-added");
    }

    @PostMapping("/portal/{token}/cards/{card}/default")
    String makeDefault(@PathVariable String token, @PathVariable String card, Model model) {
        PortalLink link = access.require(token, model).link();
        if (!cards.makeDefault(link.organization(), link.customer(), card)) {
            throw PortalAccess.closed();
        }
        return "redirect:/portal/" + token + "?done=defaulted";
    }

    @PostMapping("/portal/{token}/cards/{card}/remove")
    String remove(@PathVariable String token, @PathVariable String card, Model model) {
        PortalLink link = access.require(token, model).link();
        if (!cards.remove(link.organization(), link.customer(), card)) {
            throw PortalAccess.closed();
        }
        return "redirect:/portal/" + token + "?done=removed";
    }

    /** Cancels one of the customer's subscriptions at the end of its period (when the business lets customers). */
    @PostMapping("/portal/{token}/subscriptions/{subscription}/cancel")
    String cancel(@PathVariable String token, @PathVariable String subscription, Model model,
            HttpServletResponse response) {
        PortalLink link = access.require(token, model).link();
        SubscriptionId id = access.theirs(link, subscription).id();
        if (!settings.of(link.organization()).customersCancel()) {
            return home.refused(link, "cancel", model, response);
        }
        return act(link, token, "canceled", () -> subscriptions.cancel(link.organization(), id, true, CUSTOMER),
                model, response);
    }

    /** Keeps a subscription the customer had canceled at the end of its period. */
    @PostMapping("/portal/{token}/subscriptions/{subscription}/resume")
    String resume(@PathVariable String token, @PathVariable String subscription, Model model,
            HttpServletResponse response) {
        PortalLink link = access.require(token, model).link();
        SubscriptionId id = access.theirs(link, subscription).id();
        return act(link, token, "resumed", () -> subscriptions.resume(link.organization(), id, CUSTOMER), model,
                response);
    }

    /** Does it and says so; or the page again with why not (the subscription's state, Stripe out of reach). */
    private String act(PortalLink link, String token, String done, Runnable action, Model model,
            HttpServletResponse response) {
        try {
            action.run();
        } catch (Subscriptions.SubscriptionRefused e) {
            return home.refused(link, "state", HttpStatus.CONFLICT, model, response);
        } catch (StripeFailure e) {
            return home.refused(link, "stripe", HttpStatus.SERVICE_UNAVAILABLE, model, response);
        }
        return "redirect:/portal/" + token + "?done=" + done;
    }
}
