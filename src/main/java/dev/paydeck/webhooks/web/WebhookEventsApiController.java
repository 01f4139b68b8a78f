package dev.paydeck.webhooks.web;

import dev.paydeck.shared.web.CursorPage;
import dev.paydeck.accounts.Caller;
import dev.paydeck.shared.web.Problems;
import dev.paydeck.webhooks.StripeWebhooks;
import dev.paydeck.shared.web.ExampleAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Stripe events Paydeck received for the organization, with their processing status, and replay: a
 * {@code FAILED} event (e.g. after fixing what made it fail) or any finished one is processed again; listeners are
 * idempotent, so a replay never applies a change twice.
 */
@RestController
@RequestMapping("/api/v1/webhook-events")
@Validated
@Tag(name = "Webhook events")
class WebhookEventsApiController {

    /** The fields of a received event (without its payload), for the examples in Swagger UI. */
    private static final String EVENT_FIELDS = """
            "id": "55401a31-c304-44c5-99b1-ab99c284c79b", "stripe_event_id": "evt_1QxYbX2eZvKYlo2CdEfG",
            "type": "payment_intent.succeeded", "object_id": "pi_3QxYbX2eZvKYlo2C1aBcDeFg", "created": 1795684201,
            "livemode": false, "status": "PROCESSED", "attempts": 1, "received_at": "2026-11-24T09:30:01Z",
            "processed_at": "2026-11-24T09:30:01Z\"""";

    /** The raw payload: the JSON text Stripe sent, as a string (shortened here). */
    private static final String PAYLOAD_FIELD = """
            , "payload": "{\\"id\\": \\"evt_1QxYbX2eZvKYlo2CdEfG\\", \\"object\\": \\"event\\", \
            \\"type\\": \\"payment_intent.succeeded\\", \\"data\\": {\\"object\\": {…}}}\"""";

    private final StripeWebhooks webhooks;

    WebhookEventsApiController(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    @ExampleAnswer(description = "A page of events", value = "{\"data\": [{" + EVENT_FIELDS + "}], "
            + "\"has_more\": true, \"next_starting_after\": \"55401a31-c304-44c5-99b1-ab99c284c79b\"}")
    @Operation(summary = "Received Stripe events", description = "Newest first; filtered by type "
            + "(payment_intent.succeeded), status (RECEIVED, PROCESSING, PROCESSED, FAILED, IGNORED) and time of "
            + "receipt (ISO-8601). Without payloads: get one event for its raw JSON.")
    CursorPage<StripeWebhooks.EventView> list(Caller caller,
            @RequestParam(required = false) @Size(max = 100) String type,
            @RequestParam(required = false) @Pattern(regexp = "RECEIVED|PROCESSING|PROCESSED|FAILED|IGNORED",
                    message = "must be RECEIVED, PROCESSING, PROCESSED, FAILED or IGNORED") String status,
            @Parameter(description = "Received at or after") @RequestParam(name = "received_from", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime receivedFrom,
            @Parameter(description = "Received before") @RequestParam(name = "received_before", required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime receivedBefore,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(name = "starting_after", required = false) UUID startingAfter) {
        return CursorPage.of(webhooks.list(caller.organization(), type, status, receivedFrom, receivedBefore,
                limit + 1, startingAfter), limit, StripeWebhooks.EventView::id);
    }

    @GetMapping("/{id}")
    @ExampleAnswer(description = "The event; payload is the JSON text Stripe sent",
            value = "{" + EVENT_FIELDS + PAYLOAD_FIELD + "}")
    @Operation(summary = "One received event, with its raw payload as Stripe sent it")
    ResponseEntity<?> get(Caller caller, @PathVariable UUID id) {
        return webhooks.find(caller.organization(), id).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(WebhookEventsApiController::notFound);
    }

    @PostMapping("/{id}/replay")
    @ExampleAnswer(description = "Queued to be processed again", status = "202", value = """
            {"id": "55401a31-c304-44c5-99b1-ab99c284c79b", "stripe_event_id": "evt_1QxYbX2eZvKYlo2CdEfG",
             "type": "payment_intent.succeeded", "object_id": "pi_3QxYbX2eZvKYlo2C1aBcDeFg",
             "created": 1795684201, "livemode": false, "status": "RECEIVED", "attempts": 0,
             "received_at": "2026-11-24T09:30:01Z", "processed_at": "2026-11-24T09:30:01Z",
             "next_attempt_at": "2026-11-24T10:00:00Z", "payload": "{…}"}""")
    @Operation(summary = "Process an event again", description = "For a FAILED, PROCESSED or IGNORED event. "
            + "Answers 409 while it is still waiting or being processed.")
    ResponseEntity<?> replay(Caller caller, @PathVariable UUID id) {
        caller.requireWrite();
        if (webhooks.find(caller.organization(), id).isEmpty()) {
            return notFound();
        }
        if (!webhooks.replay(caller.organization(), id)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                    "webhook-event-pending", "This event is still waiting to be processed."));
        }
        return ResponseEntity.accepted().body(webhooks.find(caller.organization(), id).orElseThrow());
    }

    @PostMapping("/replay-failed")
    @ExampleAnswer(description = "How many FAILED events were queued again", status = "202", value = """
            {"replayed": 3}""")
    @Operation(summary = "Process every FAILED event again")
    ResponseEntity<Map<String, Integer>> replayFailed(Caller caller) {
        caller.requireWrite();
        return ResponseEntity.accepted().body(Map.of("replayed", webhooks.replayFailed(caller.organization())));
    }

    private static ResponseEntity<ProblemDetail> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, "not-found",
                "There is no such event."));
    }
}
