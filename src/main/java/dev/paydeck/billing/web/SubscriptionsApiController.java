package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.billing.PriceId;
import dev.paydeck.billing.SubscriptionChange;
import dev.paydeck.billing.SubscriptionDraft;
import dev.paydeck.billing.SubscriptionId;
import dev.paydeck.billing.SubscriptionStatus;
import dev.paydeck.billing.Subscriptions;
import dev.paydeck.billing.web.SubscriptionViews.PreviewView;
import dev.paydeck.billing.web.SubscriptionViews.SubscriptionView;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.shared.web.CursorPage;
import dev.paydeck.shared.web.ExampleAnswer;
import dev.paydeck.shared.web.ExampleRequest;
import dev.paydeck.shared.web.ProblemAnswer;
import dev.paydeck.shared.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Customers' subscriptions to the catalog's prices, kept in Paydeck and in the organization's Stripe account. */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Validated
@Tag(name = "Subscriptions")
class SubscriptionsApiController {

    private static final String REFUSED_EXAMPLE = """
            {"type": "https://paydeck.dev/problems/subscription-state", "title": "Conflict", "status": 409,
             "detail": "This subscription's plan cannot change: it is canceled.",
             "instance": "/api/v1/subscriptions/5b8e2f1a-3c4d-4e6f-8a9b-0c1d2e3f4a5b/change"}""";

    private static final String ITEM_EXAMPLE = """
            {"type": "https://paydeck.dev/problems/validation", "title": "Bad Request", "status": 400,
             "detail": "The request has invalid fields.",
             "errors": [{"field": "item_id", "message": "The subscription has 2 items: say which one changes \
            with item_id (or replaces_price_id)."}],
             "instance": "/api/v1/subscriptions/5b8e2f1a-3c4d-4e6f-8a9b-0c1d2e3f4a5b/change"}""";

    private final Subscriptions subscriptions;
    private final Customers customers;
    private final Clock clock;

    SubscriptionsApiController(Subscriptions subscriptions, Customers customers, Clock clock) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.clock = clock;
    }

    record CreateSubscription(
            @Schema(example = "6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40", description = "Paydeck's customer")
            @NotNull UUID customerId,
            @Schema(example = "8c2d1e5b-7a40-4f3a-9e6b-1d2c3b4a5f60", description = "A recurring price of the catalog")
            @NotNull UUID priceId,
            @Schema(example = "2", description = "Default 1") @Min(1) @Max(10_000) Long quantity,
            @Schema(example = "14", description = "Days of free trial before the first charge")
            @Min(1) @Max(730) Integer trialPeriodDays,
            @Schema(example = "charge_automatically", description = "charge_automatically (the customer's default "
                    + "card) or send_invoice (the customer pays each invoice within days_until_due days)")
            @Pattern(regexp = "charge_automatically|send_invoice",
                    message = "must be charge_automatically or send_invoice") String collectionMethod,
            @Schema(example = "30", description = "With send_invoice; default 30") @Min(1) @Max(365)
            Integer daysUntilDue,
            @Schema(example = "{\"plan\": \"team\"}") @Size(max = 50) Map<@Size(max = 40) String,
                    @Size(max = 500) String> metadata) {
    }

    record ChangeSubscription(
            @Schema(example = "9d3e2f6c-8b51-4a4b-8f7c-2e3d4c5b6a71", description = "The new price (absent: same)")
            UUID priceId,
            @Schema(example = "3", description = "The new quantity (absent: same)") @Min(1) @Max(10_000)
            Long quantity,
            @Schema(example = "always_invoice", description = "create_prorations (default: on the next invoice), "
                    + "always_invoice (invoiced and charged now) or none")
            @Pattern(regexp = "create_prorations|always_invoice|none",
                    message = "must be create_prorations, always_invoice or none") String prorationBehavior,
            @Schema(example = "1765272600", description = "For the change: the preview's proration_date, so the "
                    + "change bills what the preview showed") Long prorationDate,
            @Schema(example = "si_QxYbX2eZvKYlo2", description = "The item that changes (its stripe_item_id). "
                    + "Needed, or replaces_price_id, when the subscription has several items; absent: the only one")
            @Size(max = 255) String itemId,
            @Schema(example = "8c2d1e5b-7a40-4f3a-9e6b-1d2c3b4a5f60", description = "The item that changes, named "
                    + "by the price it has now (Paydeck's price id); instead of item_id") UUID replacesPriceId) {

        SubscriptionChange change() {
            if (priceId == null && quantity == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Give a new price_id, quantity, or both.");
            }
            if (itemId != null && replacesPriceId != null) {
                throw new Subscriptions.SubscriptionRefused("replaces_price_id", "Give item_id or replaces_price_id, "
                        + "not both.");
            }
            return new SubscriptionChange(priceId == null ? null : new PriceId(priceId), quantity,
                    prorationBehavior, itemId, replacesPriceId == null ? null : new PriceId(replacesPriceId));
        }
    }

    record CancelSubscription(
            @Schema(example = "true", description = "true: it ends with its current period (and can be resumed "
                    + "until then); false (default): it ends now") Boolean atPeriodEnd) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleAnswer(SubscriptionViews.SUBSCRIPTION_EXAMPLE)
    @ExampleRequest("""
            {"customer_id": "6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40", "price_id": "8c2d1e5b-7a40-4f3a-9e6b-1d2c3b4a5f60",
             "quantity": 2, "trial_period_days": 14, "collection_method": "charge_automatically"}""")
    @Operation(summary = "Create a subscription", description = "Subscribes a customer to a recurring price of the "
            + "catalog in the organization's Stripe. With charge_automatically the first invoice (after the trial, "
            + "if any) is charged to the customer's default card: without one the subscription is `incomplete`. "
            + "With send_invoice the customer is sent each invoice to pay within days_until_due days. Send an "
            + "Idempotency-Key header: a retry never subscribes twice.")
    SubscriptionView create(Caller caller, @Valid @RequestBody CreateSubscription request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        caller.requireWrite();
        String method = request.collectionMethod() == null ? SubscriptionDraft.CHARGE_AUTOMATICALLY
                : request.collectionMethod();
        if (request.daysUntilDue() != null && !SubscriptionDraft.SEND_INVOICE.equals(method)) {
            throw new Subscriptions.SubscriptionRefused("days_until_due", "is only for send_invoice");
        }
        var draft = new SubscriptionDraft(new CustomerId(request.customerId()), new PriceId(request.priceId()),
                request.quantity() == null ? 1 : request.quantity(), request.trialPeriodDays(), method,
                SubscriptionDraft.SEND_INVOICE.equals(method) ? (request.daysUntilDue() == null ? 30
                        : request.daysUntilDue()) : null, request.metadata());
        return SubscriptionView.of(subscriptions.create(caller.organization(), draft, caller.actor(),
                idempotencyKey));
    }

    @GetMapping
    @ExampleAnswer(description = "A page of subscriptions", value = "{\"data\": ["
            + SubscriptionViews.SUBSCRIPTION_EXAMPLE + "], \"has_more\": false}")
    @Operation(summary = "List subscriptions", description = "Newest first, filtered by status, customer and price.")
    CursorPage<SubscriptionView> list(Caller caller,
            @Parameter(description = "A Stripe subscription status, or pending/unknown")
            @RequestParam(required = false) String status,
            @Parameter(description = "Paydeck's id of a customer") @RequestParam(name = "customer_id",
                    required = false) UUID customerId,
            @Parameter(description = "Paydeck's id of a price") @RequestParam(name = "price_id", required = false)
            UUID priceId,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Id of the last subscription of the previous page")
            @RequestParam(name = "starting_after", required = false) UUID startingAfter) {
        return CursorPage.of(subscriptions.list(caller.organization(), status(status),
                customerId == null ? null : new CustomerId(customerId), priceId == null ? null : new PriceId(priceId),
                limit + 1, startingAfter == null ? null : new SubscriptionId(startingAfter)).stream()
                .map(SubscriptionView::of).toList(), limit, SubscriptionView::id);
    }

    @GetMapping(value = "/export", produces = "text/csv")
    @Operation(summary = "Subscriptions as CSV", description = "Every subscription the list's filters match (no "
            + "paging), newest first, streamed: times in UTC, amounts in the currency's major unit (12.50) beside "
            + "their ISO currency. Columns: id, created_at, status, customer_id, customer_email, stripe_customer_id, "
            + "price_id, stripe_price_id, quantity, amount_per_period, currency, collection_method, "
            + "current_period_start, current_period_end, trial_end, cancel_at_period_end, canceled_at, "
            + "latest_invoice, stripe_subscription_id.")
    @ApiResponse(responseCode = "200", description = "The CSV file",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", example = """
                    id,created_at,status,customer_id,customer_email,stripe_customer_id,price_id,stripe_price_id,\
                    quantity,amount_per_period,currency,collection_method,current_period_start,current_period_end,\
                    trial_end,cancel_at_period_end,canceled_at,latest_invoice,stripe_subscription_id
                    5b8e2f1a-3c4d-4e6f-8a9b-0c1d2e3f4a5b,2026-11-24T09:30:00Z,active,\
                    6f1c2b9e-4a57-4d0e-9f3a-8c2d1e5b7a40,ada@example.com,cus_QxYbX2eZvKYlo2,\
                    8c2d1e5b-7a40-4f3a-9e6b-1d2c3b4a5f60,price_1QxYbX2eZvKYlo2,2,30.00,USD,charge_automatically,\
                    2026-11-24T09:30:00Z,2026-12-24T09:30:00Z,,false,,in_1QxYbX2eZvKYlo2,sub_1QxYbX2eZvKYlo2
                    """)))
    void export(Caller caller,
            @Parameter(description = "A Stripe subscription status, or pending/unknown")
            @RequestParam(required = false) String status,
            @RequestParam(name = "customer_id", required = false) UUID customerId,
            @RequestParam(name = "price_id", required = false) UUID priceId,
            HttpServletResponse response) {
        SubscriptionStatus wanted = status(status);
        SubscriptionCsv.write(response, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), caller.organization(),
                customers, each -> subscriptions.export(caller.organization(), wanted,
                        customerId == null ? null : new CustomerId(customerId),
                        priceId == null ? null : new PriceId(priceId), each));
    }

    @GetMapping("/{id}")
    @ExampleAnswer(description = "The subscription", value = SubscriptionViews.SUBSCRIPTION_EXAMPLE)
    @Operation(summary = "Get a subscription")
    SubscriptionView get(Caller caller, @PathVariable UUID id) {
        return subscriptions.find(caller.organization(), new SubscriptionId(id)).map(SubscriptionView::of)
                .orElseThrow(SubscriptionsApiController::notFound);
    }

    @PostMapping("/{id}/preview-change")
    @ExampleAnswer(description = "What the change would bill", value = SubscriptionViews.PREVIEW_EXAMPLE)
    @ExampleRequest("""
            {"price_id": "9d3e2f6c-8b51-4a4b-8f7c-2e3d4c5b6a71", "quantity": 2,
             "replaces_price_id": "8c2d1e5b-7a40-4f3a-9e6b-1d2c3b4a5f60", "proration_behavior": "always_invoice"}""")
    @ProblemAnswer(status = 400, description = "The subscription has several items and the request names none "
            + "(or no such item)", example = ITEM_EXAMPLE)
    @ProblemAnswer(status = 409, description = "The subscription cannot change (canceled, not in Stripe yet)",
            example = REFUSED_EXAMPLE)
    @Operation(summary = "Preview a plan change", description = "Asks Stripe's invoice preview what changing the "
            + "price and/or quantity of one item (item_id or replaces_price_id; absent: the subscription's only "
            + "item) would bill: with always_invoice the invoice charged now, otherwise the next "
            + "renewal with the prorations (credit for the unused time, charge for the remaining time). Changes "
            + "nothing. Confirm with POST …/change and the answer's proration_date.")
    PreviewView preview(Caller caller, @PathVariable UUID id, @Valid @RequestBody ChangeSubscription request) {
        return subscriptions.preview(caller.organization(), new SubscriptionId(id), request.change())
                .map(PreviewView::of).orElseThrow(SubscriptionsApiController::notFound);
    }

    @PostMapping("/{id}/change")
    @ExampleAnswer(description = "The subscription, changed", value = SubscriptionViews.SUBSCRIPTION_EXAMPLE)
    @ExampleRequest("""
            {"price_id": "9d3e2f6c-8b51-4a4b-8f7c-2e3d4c5b6a71", "quantity": 2, "item_id": "si_QxYbX2eZvKYlo2",
             "proration_behavior": "always_invoice", "proration_date": 1765272600}""")
    @ProblemAnswer(status = 400, description = "The subscription has several items and the request names none "
            + "(or no such item)", example = ITEM_EXAMPLE)
    @ProblemAnswer(status = 409, description = "The subscription cannot change (canceled, not in Stripe yet)",
            example = REFUSED_EXAMPLE)
    @Operation(summary = "Change the plan", description = "Changes the price and/or quantity of one of the "
            + "subscription's items in Stripe (item_id, or replaces_price_id: the price it has now; absent: the "
            + "subscription's only item — one of several must be named), prorated with proration_behavior at "
            + "proration_date: send the preview's, and Stripe bills exactly what the preview showed. Send an Idempotency-Key header to retry safely.")
    SubscriptionView change(Caller caller, @PathVariable UUID id, @Valid @RequestBody ChangeSubscription request) {
        caller.requireWrite();
        return subscriptions.change(caller.organization(), new SubscriptionId(id), request.change(),
                        request.prorationDate(), null, caller.actor())
                .map(SubscriptionView::of).orElseThrow(SubscriptionsApiController::notFound);
    }

    @PostMapping("/{id}/cancel")
    @ExampleAnswer(description = "The subscription, canceled or set to cancel at its period's end",
            value = SubscriptionViews.SUBSCRIPTION_EXAMPLE)
    @ExampleRequest("{\"at_period_end\": true}")
    @ProblemAnswer(status = 409, description = "Already canceled, or not in Stripe yet", example = """
            {"type": "https://paydeck.dev/problems/subscription-state", "title": "Conflict", "status": 409,
             "detail": "This subscription cannot be canceled: it is canceled.",
             "instance": "/api/v1/subscriptions/5b8e2f1a-3c4d-4e6f-8a9b-0c1d2e3f4a5b/cancel"}""")
    @Operation(summary = "Cancel a subscription", description = "Ends it now, or (at_period_end: true) when its "
            + "current period ends: it is not renewed, and can be resumed until then.")
    SubscriptionView cancel(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody(required = false) CancelSubscription request) {
        caller.requireWrite();
        boolean atPeriodEnd = request != null && Boolean.TRUE.equals(request.atPeriodEnd());
        return subscriptions.cancel(caller.organization(), new SubscriptionId(id), atPeriodEnd, caller.actor())
                .map(SubscriptionView::of).orElseThrow(SubscriptionsApiController::notFound);
    }

    @PostMapping("/{id}/resume")
    @ExampleAnswer(description = "The subscription, renewing again", value = SubscriptionViews.SUBSCRIPTION_EXAMPLE)
    @ProblemAnswer(status = 409, description = "Not set to cancel at its period's end, nor paused", example = """
            {"type": "https://paydeck.dev/problems/subscription-state", "title": "Conflict", "status": 409,
             "detail": "Only a subscription set to cancel at its period's end, or a paused one, can be resumed.",
             "instance": "/api/v1/subscriptions/5b8e2f1a-3c4d-4e6f-8a9b-0c1d2e3f4a5b/resume"}""")
    @Operation(summary = "Resume a subscription", description = "Undoes a cancellation at the period's end (it "
            + "renews again), or resumes a paused subscription.")
    SubscriptionView resume(Caller caller, @PathVariable UUID id) {
        caller.requireWrite();
        return subscriptions.resume(caller.organization(), new SubscriptionId(id), caller.actor())
                .map(SubscriptionView::of).orElseThrow(SubscriptionsApiController::notFound);
    }

    @ExceptionHandler(Subscriptions.SubscriptionRefused.class)
    ResponseEntity<ProblemDetail> refused(Subscriptions.SubscriptionRefused e) {
        if (e.field() != null) {
            return ResponseEntity.badRequest().body(Problems.invalidFields(List.of(Map.of("field", e.field(),
                    "message", e.getMessage()))));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                "subscription-state", e.getMessage()));
    }

    private static SubscriptionStatus status(String status) {
        return status == null ? null : SubscriptionStatus.parse(status).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + status + "' is not a subscription status."));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such subscription.");
    }
}
