package dev.paydeck.dashboard.web;

import dev.paydeck.accounts.Callers;
import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.SignedInPerson;
import dev.paydeck.billing.Subscription;
import dev.paydeck.billing.Subscriptions;
import dev.paydeck.customers.Customers;
import dev.paydeck.demo.DemoShop;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.payments.PaymentDay;
import dev.paydeck.payments.PaymentFigures;
import dev.paydeck.payments.PaymentQuery;
import dev.paydeck.payments.PaymentTotals;
import dev.paydeck.payments.Payments;
import dev.paydeck.webhooks.StripeWebhooks;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a signed-in person lands ({@code /app}): their (first own) organization's dashboard, or the first-run page
 * when they have none yet. The dashboard shows the organization, its Stripe mode, what its payments brought in
 * today and over the last 7 and 30 days (days of the business clock, UTC), the state of its keys and webhooks in
 * plain words, and links.
 */
@Controller
class DashboardPagesController {

    private final Organizations organizations;
    private final Memberships memberships;
    private final Callers callers;
    private final DemoShop demo;
    private final Payments payments;
    private final PaymentFigures figures;
    private final StripeWebhooks webhooks;
    private final RevenueChart charts;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private final Customers customers;

    DashboardPagesController(Organizations organizations, Memberships memberships, Callers callers, DemoShop demo,
            Payments payments, PaymentFigures figures, StripeWebhooks webhooks, RevenueChart charts, Clock clock,
            Subscriptions subscriptions, Customers customers) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.organizations = organizations;
        this.memberships = memberships;
        this.callers = callers;
        this.demo = demo;
        this.payments = payments;
        this.figures = figures;
        this.webhooks = webhooks;
        this.charts = charts;
        this.clock = clock;
    }

    /**
     * The figures of one period: its message key ({@code dashboard.period.today}), the totals per currency, and the
     * success rate in percent of the payments attempted (null when none was).
     */
    record Period(String key, List<PaymentTotals> totals, Integer successRate) {

        static Period of(String key, List<PaymentDay> days, LocalDate from) {
            Map<String, PaymentTotals> totals = new TreeMap<>();
            long succeeded = 0;
            long attempted = 0;
            for (PaymentDay day : days) {
                if (day.day().isBefore(from)) {
                    continue;
                }
                succeeded += day.succeeded();
                attempted += day.succeeded() + day.failed();
                if (day.count() > 0) {
                    totals.merge(day.gross().currency().getCurrencyCode(),
                            new PaymentTotals(day.count(), day.gross(), day.refunded()),
                            (a, b) -> new PaymentTotals(a.count() + b.count(), a.gross().plus(b.gross()),
                                    a.refunded().plus(b.refunded())));
                }
            }
            return new Period(key, List.copyOf(totals.values()),
                    attempted == 0 ? null : (int) Math.round(succeeded * 100.0 / attempted));
        }
    }

    /**
     * Where a signed-in person starts: their own organization rather than the Demo Shop; the first-run page when they
     * have none, or just signed up with none but the Demo Shop (an invited person lands in the organization that
     * invited them). A notice asked for on the way ({@code ?password-changed}) goes along.
     */
    @GetMapping("/app")
    String start(@AuthenticationPrincipal SignedInPerson person,
            @RequestParam(name = "password-changed", required = false) String passwordChanged,
            @RequestParam(name = "signed-up", required = false) String signedUp) {
        String notice = passwordChanged == null ? "" : "?password-changed";
        List<OrganizationId> theirs = memberships.organizationsOf(person.id());
        Optional<OrganizationId> own = theirs.stream().filter(organization -> !demo.isDemo(organization)).findFirst();
        if (theirs.isEmpty() || (signedUp != null && own.isEmpty())) {
            return "redirect:/app/organizations/new" + notice;
        }
        return "redirect:/app/organizations/" + own.orElse(theirs.getFirst()) + notice;
    }

    @GetMapping("/app/organizations/{id}")
    String dashboard(@PathVariable String id, Model model) {
        OrganizationId organization = callers.in(OrganizationId.parse(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))).organization();
        model.addAttribute("organization", organizations.find(organization)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("demo", demo.isDemo(organization));
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime today = now.truncatedTo(ChronoUnit.DAYS);
        OffsetDateTime monthStart = today.minusDays(29).toOffsetDateTime();
        List<PaymentDay> days = figures.days(organization, monthStart, clock.getZone());
        LocalDate day = today.toLocalDate();
        model.addAttribute("periods", List.of(Period.of("today", days, day), Period.of("week", days, day.minusDays(6)),
                Period.of("month", days, day.minusDays(29))));
        model.addAttribute("chart", charts.of(days, day.minusDays(29), day, organization(model).defaultCurrency()));
        model.addAttribute("recent", payments.list(organization, new PaymentQuery(null, null, null, null, 10, null)));
        model.addAttribute("attention", figures.needingAttention(organization, monthStart, 10));
        model.addAttribute("webhooks", webhooks.health(organization));
        subscriptionsNeedingAttention(organization, model);
        return "dashboard/dashboard";
    }

    private static dev.paydeck.organizations.Organization organization(Model model) {
        return (dev.paydeck.organizations.Organization) model.getAttribute("organization");
    }

    /** Past due, unpaid or incomplete subscriptions: how many, the ten waiting longest, and their customers' names. */
    private void subscriptionsNeedingAttention(OrganizationId organization, Model model) {
        List<Subscription> waiting = subscriptions.needingAttention(organization, 10);
        Map<String, String> names = new java.util.HashMap<>();
        for (Subscription subscription : waiting) {
            names.computeIfAbsent(subscription.stripeCustomerId(), stripeId -> (subscription.customer() != null
                    ? customers.find(organization, subscription.customer())
                    : customers.findByStripeId(organization, stripeId))
                    .map(c -> c.name() != null && !c.name().isBlank() ? c.name() : c.email()).orElse(stripeId));
        }
        model.addAttribute("subscriptionsNeedingAttention", subscriptions.countNeedingAttention(organization));
        model.addAttribute("subscriptionsAttention", waiting);
        model.addAttribute("subscriptionCustomers", names);
    }
}
