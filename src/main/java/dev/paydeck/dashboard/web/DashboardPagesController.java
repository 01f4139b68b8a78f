package dev.paydeck.dashboard.web;

import dev.paydeck.accounts.Callers;
import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.SignedInPerson;
import dev.paydeck.demo.DemoShop;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.payments.PaymentTotals;
import dev.paydeck.payments.Payments;
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
import java.util.List;
import java.util.Optional;

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
    private final Clock clock;

    DashboardPagesController(Organizations organizations, Memberships memberships, Callers callers, DemoShop demo,
            Payments payments, Clock clock) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.callers = callers;
        this.demo = demo;
        this.payments = payments;
        this.clock = clock;
    }

    /** The figures of one period: its message key ({@code dashboard.period.today}) and the totals per currency. */
    record Period(String key, List<PaymentTotals> totals) {
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
        OffsetDateTime today = now.truncatedTo(ChronoUnit.DAYS).toOffsetDateTime();
        model.addAttribute("periods", List.of(
                new Period("today", payments.totalsSince(organization, today)),
                new Period("week", payments.totalsSince(organization, today.minusDays(6))),
                new Period("month", payments.totalsSince(organization, today.minusDays(29)))));
        return "dashboard/dashboard";
    }
}
