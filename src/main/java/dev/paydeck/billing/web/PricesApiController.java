package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.billing.Price;
import dev.paydeck.billing.PriceDraft;
import dev.paydeck.billing.PriceId;
import dev.paydeck.billing.PriceStatus;
import dev.paydeck.billing.Prices;
import dev.paydeck.billing.ProductId;
import dev.paydeck.billing.web.CatalogViews.PriceView;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.mirror.StripeCodes;
import dev.paydeck.shared.web.CursorPage;
import dev.paydeck.shared.web.ExampleAnswer;
import dev.paydeck.shared.web.ProblemAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import dev.paydeck.shared.web.Problems;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The prices of the organization's products, kept in Paydeck and in its Stripe account. As in Stripe, a price's
 * amount, currency and interval never change: create a new price (with {@code transfer_lookup_key} to move the old
 * one's lookup key) and archive the old one.
 */
@RestController
@RequestMapping("/api/v1/prices")
@Validated
@Tag(name = "Products and prices")
class PricesApiController {

    static final String PRICE_EXAMPLE = """
            {"id": "8c2d1e5b-7a40-4f3a-9e6b-1d2c3b4a5f60", "stripe_price_id": "price_1QxYbX2eZvKYlo2",
             "product_id": "3a7e5c1d-2b4f-4e6a-9c8d-0f1e2d3c4b5a", "currency": "usd", "unit_amount": 1500,
             "unit_amount_formatted": "$15.00", "type": "recurring",
             "recurring": {"interval": "month", "interval_count": 1}, "billing_scheme": "per_unit",
             "lookup_key": "pro_monthly", "nickname": "Pro monthly", "metadata": {}, "status": "active",
             "active": true, "created_at": "2026-11-24T09:30:00Z", "updated_at": "2026-11-24T09:30:00Z"}""";

    private final Prices prices;

    PricesApiController(Prices prices) {
        this.prices = prices;
    }

    record RecurringRequest(
            @Schema(example = "month") @NotBlank @Pattern(regexp = "day|week|month|year",
                    message = "must be day, week, month or year") String interval,
            @Schema(example = "1", description = "Defaults to 1; at most three years in all (36 months, 156 weeks)")
            @Min(1) @Max(1095) Integer intervalCount) {
    }

    record TierRequest(
            @Schema(example = "10", description = "Up to this many units; absent (or null) for the last tier")
            @Min(1) Long upTo,
            @Schema(example = "900") @PositiveOrZero @Max(Money.MAXIMUM_MINOR) Long unitAmount,
            @Schema(example = "0") @PositiveOrZero @Max(Money.MAXIMUM_MINOR) Long flatAmount) {
    }

    record CreatePrice(
            @Schema(description = "The product this price is for", example = "3a7e5c1d-2b4f-4e6a-9c8d-0f1e2d3c4b5a")
            @NotNull UUID productId,
            @Schema(example = "1500", description = "Smallest currency unit (cents; whole yen for JPY); absent for "
                    + "a tiered price") @PositiveOrZero @Max(Money.MAXIMUM_MINOR) Long unitAmount,
            @Schema(example = "usd") @NotBlank @Pattern(regexp = "^[A-Za-z]{3}$",
                    message = "must be a three-letter ISO currency code") String currency,
            @Schema(description = "Absent for a one-time price", example = "{\"interval\": \"month\", \"interval_count\": 1}")
            @Valid RecurringRequest recurring,
            @Schema(example = "graduated", description = "For a tiered (recurring) price instead of unit_amount: "
                    + "graduated or volume") @Pattern(regexp = "graduated|volume",
                    message = "must be graduated or volume") String tiersMode,
            @Schema(example = "[{\"up_to\": 10, \"unit_amount\": 900, \"flat_amount\": 0}, {\"up_to\": null, "
                    + "\"unit_amount\": 700, \"flat_amount\": 0}]",
                    description = "With tiers_mode: increasing up_to, the last one null") @Size(max = 20)
            List<@Valid @NotNull TierRequest> tiers,
            @Schema(example = "pro_monthly") @Size(max = 200) String lookupKey,
            @Schema(description = "Moves the lookup key from the price that holds it", example = "false")
            Boolean transferLookupKey,
            @Schema(example = "Pro monthly") @Size(max = 200) String nickname,
            @Schema(example = "{\"plan\": \"pro\"}") @Size(max = 50) Map<@Size(max = 40) String,
                    @Size(max = 500) String> metadata) {
    }

    record UpdatePrice(
            @Schema(example = "Pro monthly") @Size(max = 200) String nickname,
            @Schema(example = "pro_monthly") @Size(max = 200) String lookupKey,
            @Schema(example = "{\"plan\": \"pro\"}") @Size(max = 50) Map<@Size(max = 40) String,
                    @Size(max = 500) String> metadata,
            @Schema(description = "false archives the price; true makes it active again", example = "true")
            Boolean active) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleAnswer(PRICE_EXAMPLE)
    @ProblemAnswer(status = 409, description = "The product is archived, or not in Stripe yet", example = """
            {"type": "https://paydeck.dev/problems/product-not-sellable", "title": "Conflict", "status": 409,
             "detail": "The product is archived: it takes no new prices.", "instance": "/api/v1/prices"}""")
    @Operation(summary = "Create a price", description = "Creates a price of one of the organization's products in "
            + "its Stripe: one-time, or recurring every `interval_count` `interval`s. Send an Idempotency-Key header "
            + "to retry safely.")
    PriceView create(Caller caller, @Valid @RequestBody CreatePrice request) {
        caller.requireWrite();
        java.util.Currency currency = Money.currency(request.currency()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + request.currency() + "' is not a currency."));
        Price.Tiers tiers = tiers(request, currency);
        if ((tiers == null) == (request.unitAmount() == null)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "A price needs either unit_amount, or tiers_mode and tiers.");
        }
        if (tiers != null && request.recurring() == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Stripe tiers recurring prices only.");
        }
        Money amount = request.unitAmount() == null ? null : new Money(request.unitAmount(), currency);
        Price.Recurring recurring = request.recurring() == null ? null : new Price.Recurring(
                StripeCodes.of(Price.Interval.class, request.recurring().interval()),
                request.recurring().intervalCount() == null ? 1 : request.recurring().intervalCount());
        if (recurring != null && !withinThreeYears(recurring)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "A price recurs at least once every three years: at most 3 years, 36 months, 156 weeks or 1095 days.");
        }
        PriceDraft draft = new PriceDraft(amount, tiers, recurring, blankToNull(request.lookupKey()),
                Boolean.TRUE.equals(request.transferLookupKey()), blankToNull(request.nickname()), request.metadata());
        return prices.create(caller.organization(), new ProductId(request.productId()), draft, caller.actor(),
                null).map(PriceView::of).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no such product."));
    }

    @ExceptionHandler(Prices.ProductNotSellable.class)
    ResponseEntity<ProblemDetail> notSellable(Prices.ProductNotSellable e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                "product-not-sellable", e.getMessage()));
    }

    /** The tiers asked for, checked as Stripe checks them; null for a per-unit price. */
    private static Price.Tiers tiers(CreatePrice request, java.util.Currency currency) {
        if (request.tiersMode() == null && (request.tiers() == null || request.tiers().isEmpty())) {
            return null;
        }
        if (request.tiersMode() == null || request.tiers() == null || request.tiers().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A tiered price needs tiers_mode and tiers.");
        }
        long previous = 0;
        List<Price.Tier> tiers = new java.util.ArrayList<>();
        for (int i = 0; i < request.tiers().size(); i++) {
            TierRequest tier = request.tiers().get(i);
            boolean last = i == request.tiers().size() - 1;
            if (last != (tier.upTo() == null) || (tier.upTo() != null && tier.upTo() <= previous)) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Each tier's up_to must be greater than "
                        + "the one before, and only the last tier has none.");
            }
            if (tier.unitAmount() == null && tier.flatAmount() == null) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Each tier needs a unit_amount or a "
                        + "flat_amount.");
            }
            previous = tier.upTo() == null ? previous : tier.upTo();
            tiers.add(new Price.Tier(tier.upTo(), tier.unitAmount() == null ? null
                    : new Money(tier.unitAmount(), currency), tier.flatAmount() == null ? null
                    : new Money(tier.flatAmount(), currency)));
        }
        return new Price.Tiers(request.tiersMode(), tiers);
    }

    /** Stripe's limit: an interval of at most three years. */
    static boolean withinThreeYears(Price.Recurring recurring) {
        int max = switch (recurring.interval()) {
            case DAY -> 1095;
            case WEEK -> 156;
            case MONTH -> 36;
            case YEAR -> 3;
        };
        return recurring.intervalCount() >= 1 && recurring.intervalCount() <= max;
    }

    @GetMapping
    @ExampleAnswer(description = "A page of prices", value = "{\"data\": [" + PRICE_EXAMPLE
            + "], \"has_more\": false}")
    @Operation(summary = "List prices", description = "Newest first, filtered by `active`, `type` and `product`.")
    CursorPage<PriceView> list(Caller caller,
            @Parameter(description = "true: active prices only; false: archived ones only")
            @RequestParam(required = false) Boolean active,
            @Parameter(description = "one_time or recurring") @RequestParam(required = false)
            @Pattern(regexp = "one_time|recurring", message = "must be one_time or recurring") String type,
            @Parameter(description = "Paydeck's id of a product") @RequestParam(required = false) UUID product,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Id of the last price of the previous page")
            @RequestParam(name = "starting_after", required = false) UUID startingAfter) {
        PriceStatus status = active == null ? null : active ? PriceStatus.ACTIVE : PriceStatus.ARCHIVED;
        return CursorPage.of(prices.list(caller.organization(), status, type,
                product == null ? null : new ProductId(product), limit + 1,
                startingAfter == null ? null : new PriceId(startingAfter)).stream().map(PriceView::of).toList(),
                limit, PriceView::id);
    }

    @GetMapping("/{id}")
    @ExampleAnswer(description = "The price", value = PRICE_EXAMPLE)
    @Operation(summary = "Get a price")
    PriceView get(Caller caller, @PathVariable UUID id) {
        return prices.find(caller.organization(), new PriceId(id)).map(PriceView::of)
                .orElseThrow(PricesApiController::notFound);
    }

    @PatchMapping("/{id}")
    @ExampleAnswer(description = "The price as updated", value = PRICE_EXAMPLE)
    @Operation(summary = "Update a price", description = "What Stripe lets change on a price: nickname, lookup key, "
            + "metadata and active. Its amount, currency and interval never change: create a new price (with "
            + "`transfer_lookup_key`) and archive this one.")
    PriceView update(Caller caller, @PathVariable UUID id, @Valid @RequestBody UpdatePrice request) {
        caller.requireWrite();
        return prices.update(caller.organization(), new PriceId(id), request.nickname(), request.lookupKey(),
                        request.metadata(), request.active(), caller.actor())
                .map(PriceView::of).orElseThrow(PricesApiController::notFound);
    }

    @PostMapping("/{id}/archive")
    @ExampleAnswer(description = "The price, archived", value = """
            {"id": "8c2d1e5b-7a40-4f3a-9e6b-1d2c3b4a5f60", "stripe_price_id": "price_1QxYbX2eZvKYlo2",
             "product_id": "3a7e5c1d-2b4f-4e6a-9c8d-0f1e2d3c4b5a", "currency": "usd", "unit_amount": 1500,
             "unit_amount_formatted": "$15.00", "type": "one_time", "billing_scheme": "per_unit",
             "metadata": {}, "status": "archived", "active": false,
             "created_at": "2026-11-24T09:30:00Z", "updated_at": "2026-11-25T10:00:00Z"}""")
    @Operation(summary = "Archive a price", description = "Archives it in Stripe (active=false): existing "
            + "subscriptions keep it, but no new purchase may use it. Stripe deletes no price.")
    PriceView archive(Caller caller, @PathVariable UUID id) {
        caller.requireWrite();
        return prices.archive(caller.organization(), new PriceId(id), caller.actor()).map(PriceView::of)
                .orElseThrow(PricesApiController::notFound);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such price.");
    }
}
