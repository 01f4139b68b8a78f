package dev.paydeck.dashboard.web;

import dev.paydeck.accounts.Callers;
import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.SignedInPerson;
import dev.paydeck.demo.DemoShop;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.shared.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * Where a signed-in person lands ({@code /app}): their organization's dashboard, or the first-run page when they have
 * none yet. The dashboard shows the organization, its Stripe mode and the state of its keys and webhooks in plain
 * words, with links to its pages.
 */
@Controller
class DashboardPagesController {

    private final Organizations organizations;
    private final Memberships memberships;
    private final Callers callers;
    private final DemoShop demo;

    DashboardPagesController(Organizations organizations, Memberships memberships, Callers callers, DemoShop demo) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.callers = callers;
        this.demo = demo;
    }

    @GetMapping("/app")
    String start(@AuthenticationPrincipal SignedInPerson person) {
        List<OrganizationId> theirs = memberships.organizationsOf(person.id());
        return theirs.isEmpty() ? "redirect:/app/organizations/new" : "redirect:/app/organizations/" + theirs.getFirst();
    }

    @GetMapping("/app/organizations/{id}")
    String dashboard(@PathVariable String id, Model model) {
        OrganizationId organization = callers.in(OrganizationId.parse(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))).organization();
        model.addAttribute("organization", organizations.find(organization)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("demo", demo.isDemo(organization));
        return "dashboard/dashboard";
    }
}
