package dev.paydeck.audit.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.audit.AuditLog;
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
