package dev.paydeck.webhooks.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.accounts.Role;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.webhooks.ResyncRun;
import dev.paydeck.webhooks.ResyncRuns;
import dev.paydeck.webhooks.StripeWebhooks;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import java.util.Set;
import java.util.UUID;

/**
 * The organization's webhook page: how many events are in each state, the recent events (filterable by status),
 * replay of one or all failed events, and a resync from Stripe whose progress the page polls (htmx). A viewer sees
 * the events without the buttons, and is refused (403) if they post anyway.
 */
@Controller
class WebhookPagesController {

    private static final Set<String> STATUSES = Set.of("RECEIVED", "PROCESSING", "PROCESSED", "FAILED", "IGNORED");

    private final StripeWebhooks webhooks;
    private final ResyncRuns resyncs;
    private final Organizations organizations;
    private final Callers callers;

    WebhookPagesController(StripeWebhooks webhooks, ResyncRuns resyncs, Organizations organizations,
            Callers callers) {
        this.webhooks = webhooks;
        this.resyncs = resyncs;
        this.organizations = organizations;
        this.callers = callers;
    }

    /** An unknown status filter is refused (400) with the page and a notice saying so, showing all events. */
    @GetMapping("/app/organizations/{id}/webhooks")
    String page(@PathVariable String id, @RequestParam(required = false) String status, Model model,
            HttpServletResponse response) {
        Caller caller = callers.in(parse(id));
        OrganizationId organization = caller.organization();
        String filter = status == null || status.isBlank() ? null : status;
        if (filter != null && !STATUSES.contains(filter)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("unknownStatus", filter);
            filter = null;
        }
        StripeWebhooks.EventsOverview overview = webhooks.overview(organization, filter, 50);
        model.addAttribute("organizationId", organization.toString());
        model.addAttribute("organization", organizations.find(organization)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("canWrite", caller.role().canWrite());
        model.addAttribute("canResync", isAdmin(caller));
        model.addAttribute("counts", overview.counts());
        model.addAttribute("figures", webhooks.instanceFigures());
        model.addAttribute("status", filter);
        model.addAttribute("events", overview.events());
        model.addAttribute("resync", resyncs.latest(organization).orElse(null));
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

    /** Starts a resync from Stripe (owners and admins), the one of {@code POST /api/v1/resync}, in the background. */
    @PostMapping("/app/organizations/{id}/webhooks/resync")
    String resync(@PathVariable String id) {
        var caller = callers.in(parse(id)).requireAdmin();
        resyncs.start(caller.organization(), caller.actor());
        return "redirect:/app/organizations/" + caller.organization() + "/webhooks#resync";
    }

    /** A resync's progress or report, the fragment the page polls while it runs. */
    @GetMapping("/app/organizations/{id}/webhooks/resyncs/{resync}")
    String resyncStatus(@PathVariable String id, @PathVariable UUID resync, Model model) {
        OrganizationId organization = callers.in(parse(id)).organization();
        ResyncRun run = resyncs.find(organization, resync)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("organizationId", organization.toString());
        model.addAttribute("resync", run);
        return "webhooks/resync :: status";
    }

    private static boolean isAdmin(Caller caller) {
        return caller.role() == Role.OWNER || caller.role() == Role.ADMIN;
    }

    private static OrganizationId parse(String id) {
        return OrganizationId.parse(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
