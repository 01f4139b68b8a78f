package dev.paydeck.webhooks.web;

import dev.paydeck.accounts.Callers;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.webhooks.StripeWebhooks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/**
 * The organization's webhook page: how many events are in each state, the recent events (filterable by status),
 * and replay of one or all failed events.
 */
@Controller
class WebhookPagesController {

    private final StripeWebhooks webhooks;
    private final Callers callers;

    WebhookPagesController(StripeWebhooks webhooks, Callers callers) {
        this.webhooks = webhooks;
        this.callers = callers;
    }

    @GetMapping("/app/organizations/{id}/webhooks")
    String page(@PathVariable String id, @RequestParam(required = false) String status, Model model) {
        OrganizationId organization = callers.in(parse(id)).organization();
        String filter = status != null && status.matches("RECEIVED|PROCESSING|PROCESSED|FAILED|IGNORED")
                ? status : null;
        model.addAttribute("organizationId", organization.toString());
        model.addAttribute("counts", webhooks.countsByStatus(organization));
        model.addAttribute("figures", webhooks.instanceFigures());
        model.addAttribute("status", filter);
        model.addAttribute("events", webhooks.list(organization, null, filter, null, null, 50, null));
        return "webhooks/events";
    }

    @PostMapping("/app/organizations/{id}/webhooks/replay-failed")
    String replayFailed(@PathVariable String id, RedirectAttributes redirect) {
        var caller = callers.in(parse(id)).requireWrite();
        int count = webhooks.replayFailed(caller.organization());
        redirect.addFlashAttribute("replayed", count);
        return "redirect:/app/organizations/" + caller.organization() + "/webhooks";
    }

    @PostMapping("/app/organizations/{id}/webhooks/{event}/replay")
    String replay(@PathVariable String id, @PathVariable UUID event, RedirectAttributes redirect) {
        var caller = callers.in(parse(id)).requireWrite();
        // How many events are processed again; -1: the event was still pending (it will be processed anyway).
        redirect.addFlashAttribute("replayed", webhooks.replay(caller.organization(), event) ? 1 : -1);
        return "redirect:/app/organizations/" + caller.organization() + "/webhooks";
    }

    private static OrganizationId parse(String id) {
        return OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
