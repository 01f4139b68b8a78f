package dev.paydeck.audit.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.accounts.Callers;
import dev.paydeck.audit.AuditLog;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.shared.OrganizationId;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organization's audit log as a settings page: filtered by action, type of object, person and dates (days in the
 * time zone the page shows times in), newest first, a page at a time. A filter that names nothing the log knows is
 * refused in plain words at its field (400), rather than showing an empty log as if nothing had happened.
 */
@Controller
class AuditLogPagesController {

    static final int PAGE_SIZE = 25;

    private final AuditLog audit;
    private final Organizations organizations;
    private final Callers callers;

    AuditLogPagesController(AuditLog audit, Organizations organizations, Callers callers) {
        this.audit = audit;
        this.organizations = organizations;
        this.callers = callers;
    }

    /** The filter as typed, to show back in the form. */
    record FilterForm(String action, String type, String person, String from, String to) {
    }

    @GetMapping("/app/organizations/{id}/settings/audit-log")
    String page(@PathVariable String id, @RequestParam(required = false) String action,
            @RequestParam(required = false) String type, @RequestParam(required = false) String person,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Long before, Model model, HttpServletResponse response) {
        Caller caller = callers.in(OrganizationId.parse(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        OrganizationId organization = caller.organization();
        List<String> actions = audit.actions(organization);
        List<String> types = audit.objectTypes(organization);
        List<String> actors = audit.actors(organization);
        Map<String, String> errors = new LinkedHashMap<>();
        String wantedAction = blankToNull(action);
        String wantedType = blankToNull(type);
        String wantedPerson = blankToNull(person);
        if (wantedAction != null && !actions.contains(wantedAction)) {
            errors.put("action", "settings.audit.unknown-action");
        }
        if (wantedType != null && !types.contains(wantedType)) {
            errors.put("type", "settings.audit.unknown-type");
        }
        if (wantedPerson != null && !actors.contains(wantedPerson)) {
            errors.put("person", "settings.audit.unknown-person");
        }
        ZoneId zone = ZoneId.systemDefault();
        LocalDate fromDate = date(from, "from", errors);
        LocalDate toDate = date(to, "to", errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", "settings.audit.to-before-from");
        }
        List<AuditLog.Entry> entries = List.of();
        boolean more = false;
        if (errors.isEmpty()) {
            OffsetDateTime start = fromDate == null ? null : fromDate.atStartOfDay(zone).toOffsetDateTime();
            OffsetDateTime end = toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
            List<AuditLog.Entry> page = audit.search(organization,
                    new AuditLog.Filter(wantedAction, wantedType, wantedPerson, start, end), before, PAGE_SIZE + 1);
            more = page.size() > PAGE_SIZE;
            entries = more ? page.subList(0, PAGE_SIZE) : page;
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("organization", organizations.find(organization)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("filter", new FilterForm(action, type, person, from, to));
        model.addAttribute("filtered", wantedAction != null || wantedType != null || wantedPerson != null
                || fromDate != null || toDate != null);
        model.addAttribute("errors", errors);
        model.addAttribute("actions", actions);
        model.addAttribute("types", types);
        model.addAttribute("actors", actors);
        model.addAttribute("entries", entries);
        model.addAttribute("nextBefore", more ? entries.getLast().id() : null);
        model.addAttribute("paged", before != null);
        model.addAttribute("canManage", caller.role().canWrite());
        model.addAttribute("section", "audit-log");
        return "settings/audit-log";
    }

    private static LocalDate date(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "settings.audit.not-a-date");
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
