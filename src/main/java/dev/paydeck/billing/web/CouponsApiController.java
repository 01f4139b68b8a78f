package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.billing.Coupon;
import dev.paydeck.billing.CouponDraft;
import dev.paydeck.billing.CouponId;
import dev.paydeck.billing.CouponStatus;
import dev.paydeck.billing.Coupons;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.mirror.StripeCodes;
import dev.paydeck.shared.web.CursorPage;
import dev.paydeck.shared.web.ExampleAnswer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The organization's coupons (discounts for its customers), kept in Paydeck and in its Stripe account. */
@RestController
@RequestMapping("/api/v1/coupons")
@Validated
@Tag(name = "Coupons and tax rates")
class CouponsApiController {

    static final String COUPON_EXAMPLE = """
            {"id": "5b1c9e2a-4d3f-4a8b-9c7e-2f1a0b3c4d5e", "stripe_coupon_id": "Z4OV52SU", "name": "Launch 25%",
             "percent_off": 25, "duration": "repeating", "duration_in_months": 3, "max_redemptions": 100,
             "redeem_by": "2027-01-31T23:59:59Z", "times_redeemed": 0, "valid": true, "metadata": {},
             "status": "valid", "created_at": "2026-12-05T09:30:00Z", "updated_at": "2026-12-05T09:30:00Z"}""";

    private final Coupons coupons;
    private final Clock clock;

    CouponsApiController(Coupons coupons, Clock clock) {
        this.coupons = coupons;
        this.clock = clock;
    }

    record CreateCoupon(
            @Schema(example = "Launch 25%", description = "Shown to customers on invoices and receipts")
            @Size(max = 40) String name,
            @Schema(example = "25", description = "A percentage off (more than 0, at most 100, two decimals); or "
                    + "amount_off and currency instead") BigDecimal percentOff,
            @Schema(example = "500", description = "An amount off in the smallest currency unit, with currency")
            @Min(1) @Max(Money.MAXIMUM_MINOR) Long amountOff,
            @Schema(example = "usd") @Pattern(regexp = "^[A-Za-z]{3}$",
                    message = "must be a three-letter ISO currency code") String currency,
            @Schema(example = "repeating", description = "once (the default), repeating (for duration_in_months) "
                    + "or forever") @Pattern(regexp = "once|repeating|forever",
                    message = "must be once, repeating or forever") String duration,
            @Schema(example = "3", description = "With duration repeating: for how many months it applies")
            @Min(1) @Max(1200) Integer durationInMonths,
            @Schema(example = "100", description = "How many times it can be redeemed in all")
            @Min(1) @Max(Integer.MAX_VALUE) Long maxRedemptions,
            @Schema(example = "2027-01-31T23:59:59Z", description = "Last moment it can be redeemed; in the future")
            OffsetDateTime redeemBy,
            @Schema(example = "{\"campaign\": \"launch\"}") @Size(max = 50) Map<@Size(max = 40) String,
                    @Size(max = 500) String> metadata) {
    }

    record CouponView(
            UUID id,
            @Schema(example = "Z4OV52SU") String stripeCouponId,
            String name,
            @Schema(example = "25") BigDecimal percentOff,
            @Schema(example = "500") Long amountOff,
            @Schema(example = "$5.00") String amountOffFormatted,
            @Schema(example = "usd") String currency,
            @Schema(example = "repeating", description = "once, repeating or forever") String duration,
            Integer durationInMonths,
            Long maxRedemptions,
            OffsetDateTime redeemBy,
            long timesRedeemed,
            @Schema(description = "Whether it can still be redeemed") boolean valid,
            Map<String, String> metadata,
            @Schema(description = "valid, invalid (expired or used up), deleted; pending or unknown while Stripe has "
                    + "not confirmed it") String status,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static CouponView of(Coupon c) {
            return new CouponView(c.id().id(), c.stripeCouponId(), c.name(), c.percentOff(),
                    c.amountOff() == null ? null : c.amountOff().minor(),
                    c.amountOff() == null ? null : c.amountOff().format(),
                    c.amountOff() == null ? null : c.amountOff().stripeCurrency(), c.duration().code(),
                    c.durationInMonths(), c.maxRedemptions(),
                    c.redeemBy(), c.timesRedeemed(),
                    c.status() == CouponStatus.VALID, c.metadata(), c.status().code(), c.createdAt(), c.updatedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleAnswer(COUPON_EXAMPLE)
    @Operation(summary = "Create a coupon", description = "Creates the coupon in the organization's Stripe and keeps "
            + "a local copy: either percent_off, or amount_off with its currency; for once, forever, or repeating "
            + "duration_in_months. As in Stripe, only its name and metadata could change later. Send an "
            + "Idempotency-Key header to retry safely.")
    CouponView create(Caller caller, @Valid @RequestBody CreateCoupon request) {
        caller.requireWrite();
        return CouponView.of(coupons.create(caller.organization(), draft(request), caller.actor(), null));
    }

    private CouponDraft draft(CreateCoupon request) {
        if ((request.percentOff() == null) == (request.amountOff() == null)) {
            throw badRequest("A coupon takes either percent_off or amount_off (with currency), not both.");
        }
        Money amount = null;
        if (request.percentOff() != null) {
            BigDecimal percent = request.percentOff();
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                    || percent.stripTrailingZeros().scale() > 2) {
                throw badRequest("percent_off must be more than 0 and at most 100, with at most two decimals.");
            }
            if (request.currency() != null) {
                throw badRequest("A currency goes with amount_off only.");
            }
        } else {
            if (request.currency() == null) {
                throw badRequest("amount_off needs its currency.");
            }
            amount = new Money(request.amountOff(), Money.currency(request.currency()).orElseThrow(() ->
                    badRequest("'" + request.currency() + "' is not a currency.")));
        }
        Coupon.Duration duration = request.duration() == null ? Coupon.Duration.ONCE
                : StripeCodes.of(Coupon.Duration.class, request.duration());
        if ((duration == Coupon.Duration.REPEATING) != (request.durationInMonths() != null)) {
            throw badRequest("duration_in_months goes with duration repeating, and only with it.");
        }
        if (request.redeemBy() != null && !request.redeemBy().toInstant().isAfter(clock.instant())) {
            throw badRequest("redeem_by must be in the future.");
        }
        String name = request.name() == null || request.name().isBlank() ? null : request.name().strip();
        return new CouponDraft(name, request.percentOff() == null ? null : plain(request.percentOff()), amount,
                duration, request.durationInMonths(), request.maxRedemptions(),
                request.redeemBy() == null ? null : request.redeemBy().toInstant(), request.metadata());
    }

    @GetMapping
    @ExampleAnswer(description = "A page of coupons", value = "{\"data\": [" + COUPON_EXAMPLE
            + "], \"has_more\": false}")
    @Operation(summary = "List coupons", description = "Newest first; deleted coupons left out unless asked for.")
    CursorPage<CouponView> list(Caller caller,
            @Parameter(description = "valid, invalid or deleted; absent: all but deleted")
            @RequestParam(required = false) @Pattern(regexp = "valid|invalid|deleted",
                    message = "must be valid, invalid or deleted") String status,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Id of the last coupon of the previous page")
            @RequestParam(name = "starting_after", required = false) UUID startingAfter) {
        Set<CouponStatus> statuses = status == null ? Set.of() : Set.of(StripeCodes.of(CouponStatus.class, status));
        return CursorPage.of(coupons.list(caller.organization(), statuses, limit + 1,
                startingAfter == null ? null : new CouponId(startingAfter)).stream().map(CouponView::of)
                .toList(), limit, CouponView::id);
    }

    @GetMapping("/{id}")
    @ExampleAnswer(description = "The coupon", value = COUPON_EXAMPLE)
    @Operation(summary = "Get a coupon")
    CouponView get(Caller caller, @PathVariable UUID id) {
        return coupons.find(caller.organization(), new CouponId(id)).map(CouponView::of)
                .orElseThrow(CouponsApiController::notFound);
    }

    @DeleteMapping("/{id}")
    @ExampleAnswer(description = "Deleted", value = """
            {"id": "5b1c9e2a-4d3f-4a8b-9c7e-2f1a0b3c4d5e", "deleted": true}""")
    @Operation(summary = "Delete a coupon", description = "Deletes the coupon in Stripe: nobody can redeem it any "
            + "more, while customers who already have it keep its discount, as in Stripe.")
    Map<String, Object> delete(Caller caller, @PathVariable UUID id) {
        caller.requireWrite();
        if (!coupons.delete(caller.organization(), new CouponId(id), caller.actor())) {
            throw notFound();
        }
        return Map.of("id", id, "deleted", true);
    }

    private static BigDecimal plain(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such coupon.");
    }
}
