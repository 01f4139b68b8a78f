package dev.paydeck.checkout.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.checkout.PortalSettings;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.shared.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The settings page of the customer portal ({@code /app/organizations/{id}/settings/portal}): whether customers may
 * cancel their subscriptions and change their plan there. Owners and admins switch them; viewers see them, disabled.
 */
@Controller
class PortalSettingsPagesController {

    private final PortalSettings settings;
    private final Organizations organizations;
    private final Callers callers;

    PortalSettingsPagesController(PortalSettings settings, Organizations organizations, Callers callers) {
        this.settings = settings;
        this.organizations = organizations;
        this.callers = callers;
    }

    @GetMapping("/app/organizations/{id}/settings/portal")
    String page(@PathVariable String id, Model model) {
        Caller caller = callers.in(parse(id));
        model.addAttribute("organization", organizations.find(caller.organization())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("canManage", caller.role().canWrite());
        model.addAttribute("section", "portal");
        model.addAttribute("choices", settings.of(caller.organization()));
        return "settings/portal";
    }

    /** An unchecked switch sends nothing: absent means off. */
    @PostMapping("/app/organizations/{id}/settings/portal")
    String save(@PathVariable String id,
            @RequestParam(name = "customersCancel", defaultValue = "false") boolean customersCancel,
            @RequestParam(name = "customersChangePlan", defaultValue = "false") boolean customersChangePlan,
            RedirectAttributes redirect) {
        Caller caller = callers.in(parse(id)).requireAdmin();
        settings.change(caller.organization(), new PortalSettings.Choices(customersCancel, customersChangePlan),
                caller.actor());
        redirect.addFlashAttribute("notice", "settings.portal.saved");
        return "redirect:/app/organizations/" + caller.organization() + "/settings/portal";
    }

    private static OrganizationId parse(String id) {
        return OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
