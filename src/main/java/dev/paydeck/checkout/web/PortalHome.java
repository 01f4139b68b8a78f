package dev.paydeck.checkout.web;

import dev.paydeck.billing.InvoiceQuery;
import dev.paydeck.billing.InvoiceStatus;
import dev.paydeck.billing.Invoices;
import dev.paydeck.billing.PlanNames;
import dev.paydeck.billing.SubscriptionId;
import dev.paydeck.billing.Subscriptions;
import dev.paydeck.checkout.PortalLink;
import dev.paydeck.checkout.PortalSettings;
import dev.paydeck.customers.CustomerCards;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.Money;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/** The portal's first page ({@code portal/portal}): what the link's customer has, and what they may do with it. */
@Component
class PortalHome {

    /** At most this many invoices and subscriptions shown, newest first. */
    private static final int SHOWN = 24;
    /** Invoices a customer sees: those sent to be paid and their outcome, not drafts or voided ones. */
    private static final Set<InvoiceStatus> CUSTOMERS_INVOICES = EnumSet.of(InvoiceStatus.OPEN, InvoiceStatus.PAID,
            InvoiceStatus.UNCOLLECTIBLE);

    /** A subscription as its customer sees it; {@code changeable}: the customer may choose another plan for it. */
    record PortalSubscription(SubscriptionId id, String plan, Money amount, String status,
                              OffsetDateTime periodEnd, OffsetDateTime trialEnd, boolean cancelAtPeriodEnd,
                              boolean changeable) {
    }

    private final CustomerCards cards;
    private final Invoices invoices;
    private final Subscriptions subscriptions;
    private final PlanNames plans;
    private final PortalSettings settings;
    private final PortalPlans portalPlans;

    PortalHome(CustomerCards cards, Invoices invoices, Subscriptions subscriptions, PlanNames plans,
            PortalSettings settings, PortalPlans portalPlans) {
        this.cards = cards;
        this.invoices = invoices;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.settings = settings;
        this.portalPlans = portalPlans;
    }

    /** The page, its model filled for the link's customer. */
    String show(PortalLink link, Model model) {
        try {
            model.addAttribute("cards", cards.cards(link.organization(), link.customer()));
            model.addAttribute("defaultCard", cards.defaultCard(link.organization(), link.customer()).orElse(""));
        } catch (StripeFailure e) {
            model.addAttribute("unavailable", true);
        }
        model.addAttribute("invoices", invoices.list(link.organization(), new InvoiceQuery(null, link.customer(),
                        null, null, false, SHOWN, null)).stream()
                .filter(invoice -> CUSTOMERS_INVOICES.contains(invoice.status())).toList());
        PortalSettings.Choices choices = settings.of(link.organization());
        model.addAttribute("subscriptions", subscriptions.list(link.organization(), null, link.customer(), null,
                        SHOWN, null).stream()
                .filter(subscription -> subscription.status().isLive())
                .map(subscription -> new PortalSubscription(subscription.id(), plans.of(link.organization(),
                        subscription), subscription.periodAmount().orElse(null), subscription.status().code(),
                        subscription.currentPeriodEnd(), subscription.trialEnd(), subscription.cancelAtPeriodEnd(),
                        choices.customersChangePlan() && !portalPlans.others(link.organization(), subscription)
                                .isEmpty()))
                .toList());
        model.addAttribute("customersCancel", choices.customersCancel());
        return "portal/portal";
    }

    /**
     * The page answered 403 with why ({@code cancel}, {@code change}): the organization does not let its customers do
     * that (a form posted anyway, or one left open while the business changed its mind).
     */
    String refused(PortalLink link, String what, Model model, HttpServletResponse response) {
        return refused(link, what, HttpStatus.FORBIDDEN, model, response);
    }

    /** The page answered with this status and why ({@code state}: the subscription cannot do that now). */
    String refused(PortalLink link, String what, HttpStatus status, Model model, HttpServletResponse response) {
        response.setStatus(status.value());
        model.addAttribute("refused", what);
        return show(link, model);
    }
}
