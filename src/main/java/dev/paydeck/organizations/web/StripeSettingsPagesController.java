package dev.paydeck.organizations.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.organizations.InvalidStripeKeysException;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.StripeKeys;
import dev.paydeck.organizations.StripeKeysRequiredException;
import dev.paydeck.shared.OrganizationId;
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

import java.util.Map;

/**
 * The first page of an organization's settings: its Stripe keys (the secret only as {@code sk_…last4}), the mode
 * they are for, the credential check in plain words with "check now", new keys pasted (checked at the field before
 * Stripe is asked), and the way back to a sandbox account. Owners and admins change them; viewers only read.
 */
@Controller
class StripeSettingsPagesController {

    private final Organizations organizations;
    private final Callers callers;

    StripeSettingsPagesController(Organizations organizations, Callers callers) {
        this.organizations = organizations;
        this.callers = callers;
    }

    @GetMapping("/app/organizations/{id}/settings")
    String page(@PathVariable String id, Model model) {
        Caller caller = callers.in(parse(id));
        if (!model.containsAttribute("stripeKeysForm")) {
            model.addAttribute("stripeKeysForm", StripeKeysForm.empty());
        }
        return show(caller, model);
    }

    @PostMapping("/app/organizations/{id}/settings/stripe-keys")
    String replaceKeys(@PathVariable String id, @ModelAttribute("stripeKeysForm") StripeKeysForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        Caller caller = callers.in(parse(id)).requireAdmin();
        StripeKeys keys = new StripeKeys(form.publishableKey(), form.secretKey(), null);
        try {
            reject(keys.problemCodes(), errors);
            if (!errors.hasErrors()) {
                organizations.replaceKeys(caller.organization(), keys, caller.actor());
            }
        } catch (InvalidStripeKeysException e) {
            reject(keys.problemCodes(), errors);
        }
        if (errors.hasErrors()) {
            // The page shows the publishable key back, never the secret key (its field has no value).
            return show(caller, model);
        }
        redirect.addFlashAttribute("notice", "settings.stripe.saved");
        return "redirect:/app/organizations/" + caller.organization() + "/settings";
    }

    @PostMapping("/app/organizations/{id}/settings/stripe-keys/check")
    String check(@PathVariable String id, RedirectAttributes redirect) {
        Caller caller = callers.in(parse(id)).requireAdmin();
        organizations.checkCredentials(caller.organization());
        redirect.addFlashAttribute("notice", "settings.stripe.checked");
        return "redirect:/app/organizations/" + caller.organization() + "/settings#credential-check";
    }

    @PostMapping("/app/organizations/{id}/settings/stripe-keys/sandbox")
    String useSandbox(@PathVariable String id, RedirectAttributes redirect) {
        Caller caller = callers.in(parse(id)).requireAdmin();
        try {
            organizations.useSandbox(caller.organization(), caller.actor());
            redirect.addFlashAttribute("notice", "settings.stripe.sandbox-used");
        } catch (StripeKeysRequiredException e) {
            redirect.addFlashAttribute("refusal", "settings.stripe.sandbox-off");
        }
        return "redirect:/app/organizations/" + caller.organization() + "/settings";
    }

    private String show(Caller caller, Model model) {
        model.addAttribute("organization", organizations.find(caller.organization())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("canManage", caller.role().canWrite());
        model.addAttribute("section", "stripe");
        return "settings/stripe";
    }

    private static void reject(Map<String, String> problems, BindingResult errors) {
        problems.forEach((field, code) -> {
            String property = "publishable_key".equals(field) ? "publishableKey" : "secretKey";
            if (!errors.hasFieldErrors(property)) {
                errors.rejectValue(property, code);
            }
        });
    }

    static OrganizationId parse(String id) {
        return OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
