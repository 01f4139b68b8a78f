package dev.paydeck.audit.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.audit.AuditLog;
import dev.paydeck.shared.web.ExampleAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who did what, when, to which object, in the caller's organization. */
@RestController
@Validated
@Tag(name = "Audit log")
class AuditLogApiController {

    private final AuditLog audit;

    AuditLogApiController(AuditLog audit) {
        this.audit = audit;
    }

    record AuditPage(List<AuditLog.Entry> data, boolean hasMore, Long nextBefore) {
    }

    @GetMapping("/api/v1/audit-log")
    @ExampleAnswer(description = "A page of the log, newest first", value = """
            {"data": [{"id": 13, "occurred_at": "2026-11-24T09:45:00Z", "actor": "api key Shop backend",
                       "action": "payment.refunded", "object_type": "payment",
                       "object_id": "0b5c7a4e-8f41-4c1e-9a51-2f8d3c6e1a90", "detail": "$5.00"},
                      {"id": 12, "occurred_at": "2026-11-24T09:30:00Z", "actor": "ada@example.com",
                       "action": "api_key.created", "object_type": "api_key",
                       "object_id": "3c69e8b3-3f57-4957-b851-026558409e71",
                       "detail": "Shop backend, role admin"}],
             "has_more": true, "next_before": 12}""")
    @Operation(summary = "The organization's audit log", description = "Newest first. Page with `before` (the id of "
            + "the last line of the previous page); filter by `action`, e.g. payment.refunded.")
    AuditPage list(Caller caller,
            @Parameter(description = "e.g. payment.created, payment.refunded, api_key.created")
            @RequestParam(required = false) @Pattern(regexp = "^[a-z_]+\\.[a-z_]+$", message = "is not an action")
            String action,
            @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        List<AuditLog.Entry> page = audit.recent(caller.organization(), action, before, limit + 1);
        boolean more = page.size() > limit;
        List<AuditLog.Entry> data = more ? page.subList(0, limit) : page;
        return new AuditPage(data, more, more ? data.getLast().id() : null);
    }
}
