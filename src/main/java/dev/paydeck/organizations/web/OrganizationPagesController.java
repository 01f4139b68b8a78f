package dev.paydeck.organizations.web;

import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.SignedInPerson;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.SandboxAccess;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The signed-in person's organizations, with the state of their Stripe keys and webhooks, and for an organization on
 * a sandbox account of this instance a link to that account's sandbox page.
 */
@Controller
class OrganizationPagesController {

    private final Organizations organizations;
    private final Memberships memberships;
    private final SandboxAccess sandboxAccess;

    OrganizationPagesController(Organizations organizations, Memberships memberships, SandboxAccess sandboxAccess) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.sandboxAccess = sandboxAccess;
    }

    @GetMapping("/app/organizations")
    String list(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("organizations", organizations.all(memberships.organizationsOf(person.id())));
        model.addAttribute("sandboxPages", sandboxAccess.pagesServedHere());
        return "organizations/list";
    }
}
