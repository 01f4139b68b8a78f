package dev.paydeck.checkout.web;

import dev.paydeck.billing.Subscription;
import dev.paydeck.billing.SubscriptionId;
import dev.paydeck.billing.Subscriptions;
import dev.paydeck.checkout.PortalLink;
import dev.paydeck.checkout.PortalLinks;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerStatus;
import dev.paydeck.customers.Customers;
import dev.paydeck.organizations.Organization;
import dev.paydeck.organizations.Organizations;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

import java.util.Optional;
import java.util.UUID;

/**
 * What a portal link opens, for the portal's pages: the link's organization and customer, and only that customer's
 * subscriptions. Anything else (an expired or unknown link, a deleted customer, another customer's subscription) is
 * not found.
 */
@Component
class PortalAccess {

    /** What a portal page shows first: the organization and the customer of a link that opens. */
    record Portal(PortalLink link, Organization organization, Customer customer) {
    }

    private final PortalLinks links;
    private final Customers customers;
    private final Organizations organizations;
    private final Subscriptions subscriptions;

    PortalAccess(PortalLinks links, Customers customers, Organizations organizations, Subscriptions subscriptions) {
        this.links = links;
        this.customers = customers;
        this.organizations = organizations;
        this.subscriptions = subscriptions;
    }

    /** A link that opens nothing (expired, unknown, or its customer deleted), or something not the customer's. */
    static ResponseStatusException closed() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** The link's organization and customer, into the model; empty (and 404) when the link opens nothing. */
    Optional<Portal> open(String token, Model model) {
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

    /** The link's portal, or 404. */
    Portal require(String token, Model model) {
        return open(token, model).orElseThrow(PortalAccess::closed);
    }

    /** The subscription when it is one of the link's customer's; 404 otherwise. */
    Subscription theirs(PortalLink link, String subscription) {
        SubscriptionId id;
        try {
            id = new SubscriptionId(UUID.fromString(subscription));
        } catch (IllegalArgumentException e) {
            throw closed();
        }
        return subscriptions.find(link.organization(), id)
                .filter(found -> link.customer().equals(found.customer()))
                .orElseThrow(PortalAccess::closed);
    }
}
