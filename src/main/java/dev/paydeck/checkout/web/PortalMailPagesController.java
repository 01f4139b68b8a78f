package dev.paydeck.checkout.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.checkout.PortalMails;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** The customer page's "email a portal link" button: staff who may write send the customer a link to their portal. */
@Controller
class PortalMailPagesController {

    private final PortalMails mails;
    private final Callers callers;

    PortalMailPagesController(PortalMails mails, Callers callers) {
        this.mails = mails;
        this.callers = callers;
    }

    @PostMapping("/app/organizations/{id}/customers/{customer}/portal-link")
    String send(@PathVariable String id, @PathVariable String customer, RedirectAttributes redirect) {
        Caller caller = callers.in(OrganizationId.parse(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND))).requireWrite();
        CustomerId customerId;
        try {
            customerId = new CustomerId(UUID.fromString(customer));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String sentTo = mails.send(caller.organization(), customerId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        redirect.addFlashAttribute("saved", "portal-sent");
        redirect.addFlashAttribute("portalSentTo", sentTo);
        return "redirect:/app/organizations/" + caller.organization() + "/customers/" + customerId;
    }
}
