package dev.paydeck.organizations.web;

import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.SignedInPerson;
import dev.paydeck.organizations.Organizations;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The signed-in person's organizations, with the state of their Stripe keys and webhooks. */
@Controller
class OrganizationPagesController {

    private final Organizations organizations;
    private final Memberships memberships;

    OrganizationPagesController(Organizations organizations, Memberships memberships) {
        this.organizations = organizations;
        this.memberships = memberships;
    }

    @GetMapping("/app/organizations")
    String list(@AuthenticationPrincipal SignedInPerson person, Model model) {
        model.addAttribute("organizations", organizations.all(memberships.organizationsOf(person.id())));
        return "organizations/list";
    }
}
