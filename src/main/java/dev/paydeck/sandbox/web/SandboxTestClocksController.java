package dev.paydeck.sandbox.web;

import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.testclocks.TestClocks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * An account's test clocks ({@code /v1/test_helpers/test_clocks}): their time and status, a form to make one and one
 * to advance each; the list refreshes itself while a clock is advancing.
 */
@Controller
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class SandboxTestClocksController {

    static final int CLOCKS_SHOWN = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** What a {@code datetime-local} input holds, read as UTC. */
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
            .withZone(ZoneOffset.UTC);
    private static final long DAY = 86_400;

    /** A clock as the page lists it; {@code advanceTo} is the advance form's first value (a day later). */
    record ClockView(String id, String name, String frozenTime, String status, String target, String deletesAfter,
                     String advanceTo) {
    }

    /** A form's problem, shown at its field: which form ({@code new} or a clock's id), a message key or text. */
    record FieldProblem(String form, String key, String text) {
    }

    private final SandboxAccounts accounts;
    private final TestClocks clocks;

    SandboxTestClocksController(SandboxAccounts accounts, TestClocks clocks) {
        this.accounts = accounts;
        this.clocks = clocks;
    }

    @GetMapping("/sandbox/accounts/{accountId}/test_clocks")
    String page(@PathVariable String accountId, Visitor visitor, Model model) {
        list(accountId, visitor, model);
        model.addAttribute("active", "testClocks");
        model.addAttribute("createAt", INPUT.format(Instant.now()));
        return "sandbox/test-clocks";
    }

    /** The list alone, which the page asks for again every second while a clock is advancing (htmx). */
    @GetMapping("/sandbox/accounts/{accountId}/test_clocks/list")
    String list(@PathVariable String accountId, Visitor visitor, Model model) {
        model.addAttribute("account", visitor.readable(accounts.byId(accountId)));
        model.addAttribute("visitor", visitor);
        List<ClockView> views = clocks.recent(accountId, CLOCKS_SHOWN).stream().map(SandboxTestClocksController::view)
                .toList();
        model.addAttribute("clocks", views);
        model.addAttribute("advancing", views.stream().anyMatch(clock -> "advancing".equals(clock.status())));
        return "sandbox/test-clocks :: clocks";
    }

    @PostMapping("/sandbox/accounts/{accountId}/test_clocks")
    String create(@PathVariable String accountId, @RequestParam(name = "frozen_time", required = false) String time,
            @RequestParam(required = false) String name, Visitor visitor, RedirectAttributes redirect) {
        SandboxAccount account = visitor.actable(accounts.byId(accountId));
        Long frozenTime = parse(time);
        if (frozenTime == null) {
            return problem(redirect, account, new FieldProblem("new", "sandbox.testClocks.timeRequired", null));
        }
        try {
            ObjectNode clock = clocks.create(call(account), frozenTime, name == null || name.isBlank() ? null
                    : name.strip());
            redirect.addFlashAttribute("notice", "sandbox.notice.clockCreated");
            redirect.addFlashAttribute("noticeArguments", new Object[] {clock.get("id").asString()});
        } catch (StripeError error) {
            return problem(redirect, account, new FieldProblem("new", null, error.getMessage()));
        }
        return "redirect:/sandbox/accounts/" + accountId + "/test_clocks";
    }

    @PostMapping("/sandbox/accounts/{accountId}/test_clocks/{clockId}/advance")
    String advance(@PathVariable String accountId, @PathVariable String clockId,
            @RequestParam(name = "frozen_time", required = false) String time, Visitor visitor,
            RedirectAttributes redirect) {
        SandboxAccount account = visitor.actable(accounts.byId(accountId));
        Long target = parse(time);
        if (target == null) {
            return problem(redirect, account, new FieldProblem(clockId, "sandbox.testClocks.timeRequired", null));
        }
        try {
            long current = clocks.require(account.id(), clockId, "test_clock").get("frozen_time").asLong();
            if (target <= current) {
                return problem(redirect, account, new FieldProblem(clockId, "sandbox.testClocks.notAfter", null));
            }
            clocks.advance(call(account), clockId, target);
            redirect.addFlashAttribute("notice", "sandbox.notice.clockAdvancing");
            redirect.addFlashAttribute("noticeArguments", new Object[] {clockId});
        } catch (StripeError error) {
            if (error.status() == 404) {
                redirect.addFlashAttribute("problem", error.getMessage());
                return "redirect:/sandbox/accounts/" + accountId + "/test_clocks";
            }
            return problem(redirect, account, new FieldProblem(clockId, null, error.getMessage()));
        }
        return "redirect:/sandbox/accounts/" + accountId + "/test_clocks";
    }

    private static String problem(RedirectAttributes redirect, SandboxAccount account, FieldProblem problem) {
        redirect.addFlashAttribute("fieldProblem", problem);
        return "redirect:/sandbox/accounts/" + account.id() + "/test_clocks";
    }

    /** What the page does, as the account's own call would (no request id: it came from no API request). */
    private static StripeCall call(SandboxAccount account) {
        return new StripeCall(account, Map.of(), Map.of(), null, null, false, StripeCall.DEFAULT_API_VERSION);
    }

    /** A {@code datetime-local} value ({@code 2025-01-01T09:30}, seconds allowed) as UTC Unix seconds. */
    static Long parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip()).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ClockView view(ObjectNode clock) {
        long frozen = clock.get("frozen_time").asLong();
        String status = clock.get("status").asString();
        long target = clock.at("/status_details/advancing/target_frozen_time").asLong(0);
        return new ClockView(clock.get("id").asString(), clock.path("name").asString(null),
                TIME.format(Instant.ofEpochSecond(frozen)), status,
                target == 0 ? null : TIME.format(Instant.ofEpochSecond(target)),
                TIME.format(Instant.ofEpochSecond(clock.get("deletes_after").asLong())),
                INPUT.format(Instant.ofEpochSecond(frozen + DAY)));
    }
}
