package dev.paydeck.organizations.web;

import dev.paydeck.accounts.ApiKeys;
import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.accounts.Role;
import dev.paydeck.organizations.Members;
import dev.paydeck.organizations.Organizations;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * The organization's API keys, for programs and Swagger UI's Authorize: create one (its secret is shown on the next
 * page, once, with a copy button; Paydeck keeps only a hash, so a reload cannot show it again), the list with when
 * each was made and last used, and revocation after a confirmation. Viewers see the list only.
 */
@Controller
class ApiKeyPagesController {

    private final Organizations organizations;
    private final ApiKeys apiKeys;
    private final Members members;
    private final Callers callers;

    ApiKeyPagesController(Organizations organizations, ApiKeys apiKeys, Members members, Callers callers) {
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.members = members;
        this.callers = callers;
    }

    @GetMapping("/app/organizations/{id}/settings/api-keys")
    String page(@PathVariable String id, Model model) {
        Caller caller = callers.in(StripeSettingsPagesController.parse(id));
        model.addAttribute("apiKeyForm", ApiKeyForm.empty());
        return show(caller, model);
    }

    @PostMapping("/app/organizations/{id}/settings/api-keys")
    String create(@PathVariable String id, @Valid @ModelAttribute("apiKeyForm") ApiKeyForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Caller caller = callers.in(StripeSettingsPagesController.parse(id)).requireAdmin();
        if (errors.hasErrors()) {
            return show(caller, model);
        }
        // The secret travels to the next page as a flash attribute: kept in the session for that one request only.
        redirect.addFlashAttribute("created", members.createKey(caller.organization(), form.name().strip(),
                Role.fromCode(form.role()), caller.person(), caller.actor()));
        return back(caller);
    }

    @PostMapping("/app/organizations/{id}/settings/api-keys/{key}/revoke")
    String revoke(@PathVariable String id, @PathVariable UUID key, RedirectAttributes redirect) {
        Caller caller = callers.in(StripeSettingsPagesController.parse(id)).requireAdmin();
        members.revokeKey(caller.organization(), key, caller.actor())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("notice", "settings.api-keys.revoked");
        return back(caller);
    }

    private String show(Caller caller, Model model) {
        model.addAttribute("organization", organizations.find(caller.organization())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("keys", apiKeys.list(caller.organization()));
        model.addAttribute("canManage", caller.role().canWrite());
        model.addAttribute("section", "api-keys");
        return "settings/api-keys";
    }

    private static String back(Caller caller) {
        return "redirect:/app/organizations/" + caller.organization() + "/settings/api-keys";
    }
}
