package dev.paydeck.webhooks.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.organizations.InvalidStripeKeysException;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.webhooks.StripeWebhooks;
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

/**
 * The settings page of the organization's webhook endpoint: the address Stripe should call, whether Stripe does
 * (in plain words), the last event received, and a signing secret ({@code whsec_…}) entered by hand when Stripe
 * cannot reach this Paydeck by itself. The secret is checked at the field and never shown back.
 */
@Controller
class WebhookSettingsPagesController {

    private final Organizations organizations;
    private final StripeWebhooks webhooks;
    private final Callers callers;

    WebhookSettingsPagesController(Organizations organizations, StripeWebhooks webhooks, Callers callers) {
        this.organizations = organizations;
        this.webhooks = webhooks;
        this.callers = callers;
    }

    @GetMapping("/app/organizations/{id}/settings/webhooks")
    String page(@PathVariable String id, Model model) {
        Caller caller = callers.in(parse(id));
        model.addAttribute("webhookSecretForm", new WebhookSecretForm(""));
        return show(caller, model);
    }

    @PostMapping("/app/organizations/{id}/settings/webhooks/secret")
    String enterSecret(@PathVariable String id, @ModelAttribute("webhookSecretForm") WebhookSecretForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        Caller caller = callers.in(parse(id)).requireAdmin();
        try {
            organizations.enterWebhookSecret(caller.organization(), form.webhookSecret(), caller.actor());
        } catch (InvalidStripeKeysException e) {
            errors.rejectValue("webhookSecret", form.webhookSecret() == null || form.webhookSecret().isBlank()
                    ? "required" : "format");
            return show(caller, model);
        }
        redirect.addFlashAttribute("notice", "settings.webhooks.saved");
        return "redirect:/app/organizations/" + caller.organization() + "/settings/webhooks";
    }

    private String show(Caller caller, Model model) {
        OrganizationId organization = caller.organization();
        model.addAttribute("organization", organizations.find(organization)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("endpointUrl", organizations.webhookEndpointUrl(organization));
        model.addAttribute("lastEvent", webhooks.list(organization, null, null, null, null, 1, null).stream()
                .findFirst().orElse(null));
        model.addAttribute("canManage", caller.role().canWrite());
        model.addAttribute("section", "webhooks");
        return "settings/webhooks";
    }

    private static OrganizationId parse(String id) {
        return OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
