package dev.paydeck.organizations.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.accounts.Memberships;
import dev.paydeck.accounts.PersonId;
import dev.paydeck.accounts.Role;
import dev.paydeck.organizations.Members;
import dev.paydeck.organizations.Organizations;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The members of an organization and their roles, invitations by email (the mail goes out through the outbox or
 * SMTP) and the pending ones. The API's rules hold here too: owners and admins manage members, only owners make or
 * unmake owners, and the last owner stays (a refusal in plain words, not an error page).
 */
@Controller
class MemberPagesController {

    private final Organizations organizations;
    private final Memberships memberships;
    private final Members members;
    private final Callers callers;

    MemberPagesController(Organizations organizations, Memberships memberships, Members members, Callers callers) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.members = members;
        this.callers = callers;
    }

    @GetMapping("/app/organizations/{id}/settings/members")
    String page(@PathVariable String id, Model model) {
        Caller caller = callers.in(StripeSettingsPagesController.parse(id));
        model.addAttribute("invitationForm", InvitationForm.empty());
        return show(caller, model);
    }

    @PostMapping("/app/organizations/{id}/settings/members/invite")
    String invite(@PathVariable String id, @Valid @ModelAttribute("invitationForm") InvitationForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        Caller caller = callers.in(StripeSettingsPagesController.parse(id)).requireAdmin();
        if (!errors.hasFieldErrors("role") && Role.fromCode(form.role()) == Role.OWNER && caller.role() != Role.OWNER) {
            errors.rejectValue("role", "owners-only");
        }
        if (!errors.hasFieldErrors("email") && memberships.members(caller.organization()).stream()
                .anyMatch(member -> member.email().equalsIgnoreCase(form.email().strip()))) {
            errors.rejectValue("email", "member");
        }
        if (errors.hasErrors()) {
            return show(caller, model);
        }
        boolean added = members.invite(caller.organization(), form.email(), Role.fromCode(form.role()),
                caller.person(), caller.actor());
        redirect.addFlashAttribute("notice", added ? "settings.members.added" : "settings.members.invited");
        return back(caller);
    }

    @PostMapping("/app/organizations/{id}/settings/members/{person}/role")
    String changeRole(@PathVariable String id, @PathVariable UUID person, @RequestParam String role,
            RedirectAttributes redirect) {
        Caller caller = callers.in(StripeSettingsPagesController.parse(id)).requireAdmin();
        PersonId member = new PersonId(person);
        Role from = roleOf(caller, member);
        Role to = Arrays.stream(Role.values()).filter(candidate -> candidate.code().equals(role)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "There is no such role."));
        if ((from == Role.OWNER || to == Role.OWNER) && caller.role() != Role.OWNER) {
            throw new AccessDeniedException("Only owners may make or unmake owners.");
        }
        if (from == Role.OWNER && to != Role.OWNER && memberships.owners(caller.organization()) == 1) {
            redirect.addFlashAttribute("refusal", "settings.members.last-owner.demote");
        } else if (from != to) {
            members.changeRole(caller.organization(), member, from, to, caller.actor());
            redirect.addFlashAttribute("notice", "settings.members.role-changed");
        }
        return back(caller);
    }

    @PostMapping("/app/organizations/{id}/settings/members/{person}/remove")
    String remove(@PathVariable String id, @PathVariable UUID person, RedirectAttributes redirect) {
        Caller caller = callers.in(StripeSettingsPagesController.parse(id)).requireAdmin();
        PersonId member = new PersonId(person);
        Role role = roleOf(caller, member);
        if (role == Role.OWNER && caller.role() != Role.OWNER) {
            throw new AccessDeniedException("Only owners may remove owners.");
        }
        if (role == Role.OWNER && memberships.owners(caller.organization()) == 1) {
            redirect.addFlashAttribute("refusal", "settings.members.last-owner.remove");
            return back(caller);
        }
        members.remove(caller.organization(), member, role, caller.actor());
        if (member.equals(caller.person())) {
            return "redirect:/app";
        }
        redirect.addFlashAttribute("notice", "settings.members.removed");
        return back(caller);
    }

    @PostMapping("/app/organizations/{id}/settings/invitations/revoke")
    String revokeInvitation(@PathVariable String id, @RequestParam String email, RedirectAttributes redirect) {
        Caller caller = callers.in(StripeSettingsPagesController.parse(id)).requireAdmin();
        boolean revoked = members.revokeInvitation(caller.organization(), email, caller.actor());
        redirect.addFlashAttribute(revoked ? "notice" : "refusal",
                revoked ? "settings.invitations.revoked" : "settings.invitations.gone");
        return back(caller);
    }

    private String show(Caller caller, Model model) {
        model.addAttribute("organization", organizations.find(caller.organization())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("members", memberships.members(caller.organization()));
        model.addAttribute("invitations", memberships.invitations(caller.organization()));
        model.addAttribute("me", caller.person());
        model.addAttribute("isOwner", caller.role() == Role.OWNER);
        model.addAttribute("roles", caller.role() == Role.OWNER ? List.of("owner", "admin", "viewer")
                : List.of("admin", "viewer"));
        model.addAttribute("canManage", caller.role().canWrite());
        model.addAttribute("section", "members");
        return "settings/members";
    }

    private Role roleOf(Caller caller, PersonId member) {
        return memberships.roleOf(caller.organization(), member).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "This person is not a member."));
    }

    private static String back(Caller caller) {
        return "redirect:/app/organizations/" + caller.organization() + "/settings/members";
    }
}
