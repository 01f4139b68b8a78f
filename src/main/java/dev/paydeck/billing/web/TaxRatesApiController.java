package dev.paydeck.billing.web;

import dev.paydeck.accounts.Caller;
import dev.paydeck.billing.TaxRate;
import dev.paydeck.billing.TaxRateDraft;
import dev.paydeck.billing.TaxRateId;
import dev.paydeck.billing.TaxRateStatus;
import dev.paydeck.billing.TaxRates;
import dev.paydeck.shared.web.CursorPage;
import dev.paydeck.shared.web.ExampleAnswer;
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
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
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
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The organization's tax rates, kept in Paydeck and in its Stripe account. */
@RestController
@RequestMapping("/api/v1/tax-rates")
@Validated
@Tag(name = "Coupons and tax rates")
class TaxRatesApiController {

    static final String TAX_RATE_EXAMPLE = """
            {"id": "0e4f8a2b-6c1d-4e3f-8a9b-7c6d5e4f3a2b", "stripe_tax_rate_id": "txr_1QxYbX2eZvKYlo2",
             "display_name": "VAT", "description": "German VAT", "percentage": "19", "inclusive": false,
             "country": "DE", "jurisdiction": "DE", "metadata": {}, "status": "active", "active": true,
             "created_at": "2026-12-05T09:30:00Z", "updated_at": "2026-12-05T09:30:00Z"}""";

    private final TaxRates taxRates;

    TaxRatesApiController(TaxRates taxRates) {
        this.taxRates = taxRates;
    }

    record CreateTaxRate(
            @Schema(example = "VAT", description = "The name customers see on invoices") @NotBlank @Size(max = 50)
            String displayName,
            @Schema(example = "German VAT") @Size(max = 500) String description,
            @Schema(type = "string", example = "19", description = "A decimal string: from 0 to 100, at most four "
                    + "decimals") @NotBlank String percentage,
            @Schema(example = "false", description = "true: included in prices; false: added to them") @NotNull
            Boolean inclusive,
            @Schema(example = "DE", description = "Two-letter country code") @Pattern(regexp = "^[A-Za-z]{2}$",
                    message = "must be a two-letter country code") String country,
            @Schema(example = "BY", description = "State, county, province or region") @Size(max = 50) String state,
            @Schema(example = "DE") @Size(max = 50) String jurisdiction,
            @Schema(example = "{\"ledger\": \"vat-de\"}") @Size(max = 50) Map<@Size(max = 40) String,
                    @Size(max = 500) String> metadata) {
    }

    record TaxRateView(
            UUID id,
            @Schema(example = "txr_1QxYbX2eZvKYlo2") String stripeTaxRateId,
            String displayName,
            String description,
            @Schema(example = "19", description = "A decimal string") String percentage,
            boolean inclusive,
            String country,
            String state,
            String jurisdiction,
            Map<String, String> metadata,
            @Schema(description = "active, archived; pending or unknown while Stripe has not confirmed it")
            String status,
            boolean active,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static TaxRateView of(TaxRate r) {
            return new TaxRateView(r.id().id(), r.stripeTaxRateId(), r.displayName(), r.description(),
                    r.percentage().toPlainString(), r.inclusive(), r.country(), r.state(), r.jurisdiction(),
                    r.metadata(), r.status().code(), r.status() == TaxRateStatus.ACTIVE, r.createdAt(),
                    r.updatedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ExampleAnswer(TAX_RATE_EXAMPLE)
    @Operation(summary = "Create a tax rate", description = "Creates the tax rate in the organization's Stripe and "
            + "keeps a local copy. As in Stripe, its percentage and inclusive never change: archive it and create "
            + "another. Send an Idempotency-Key header to retry safely.")
    TaxRateView create(Caller caller, @Valid @RequestBody CreateTaxRate request) {
        caller.requireWrite();
        BigDecimal percentage = percentage(request.percentage()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "percentage must be a decimal from 0 to 100, with at most four decimals."));
        return TaxRateView.of(taxRates.create(caller.organization(), new TaxRateDraft(request.displayName().strip(),
                blankToNull(request.description()), percentage, request.inclusive(),
                request.country() == null ? null : request.country().toUpperCase(Locale.ROOT),
                blankToNull(request.state()), blankToNull(request.jurisdiction()), request.metadata()),
                caller.actor(), null));
    }

    /** A percentage as Stripe takes it (0 to 100, four decimals at most), written plainly; empty if it is not one. */
    static Optional<BigDecimal> percentage(String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
        BigDecimal plain = value.stripTrailingZeros();
        plain = plain.scale() < 0 ? plain.setScale(0) : plain;
        if (plain.signum() < 0 || plain.compareTo(BigDecimal.valueOf(100)) > 0 || plain.scale() > 4) {
            return Optional.empty();
        }
        return Optional.of(plain);
    }

    @GetMapping
    @ExampleAnswer(description = "A page of tax rates", value = "{\"data\": [" + TAX_RATE_EXAMPLE
            + "], \"has_more\": false}")
    @Operation(summary = "List tax rates", description = "Newest first.")
    CursorPage<TaxRateView> list(Caller caller,
            @Parameter(description = "true: active tax rates only; false: archived ones only")
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @Parameter(description = "Id of the last tax rate of the previous page")
            @RequestParam(name = "starting_after", required = false) UUID startingAfter) {
        Set<TaxRateStatus> statuses = active == null ? Set.of()
                : Set.of(active ? TaxRateStatus.ACTIVE : TaxRateStatus.ARCHIVED);
        return CursorPage.of(taxRates.list(caller.organization(), statuses, limit + 1,
                startingAfter == null ? null : new TaxRateId(startingAfter)).stream().map(TaxRateView::of)
                .toList(), limit, TaxRateView::id);
    }

    @GetMapping("/{id}")
    @ExampleAnswer(description = "The tax rate", value = TAX_RATE_EXAMPLE)
    @Operation(summary = "Get a tax rate")
    TaxRateView get(Caller caller, @PathVariable UUID id) {
        return taxRates.find(caller.organization(), new TaxRateId(id)).map(TaxRateView::of)
                .orElseThrow(TaxRatesApiController::notFound);
    }

    @PostMapping("/{id}/archive")
    @ExampleAnswer(description = "The tax rate, archived", value = """
            {"id": "0e4f8a2b-6c1d-4e3f-8a9b-7c6d5e4f3a2b", "stripe_tax_rate_id": "txr_1QxYbX2eZvKYlo2",
             "display_name": "VAT", "percentage": "19", "inclusive": false, "country": "DE", "metadata": {},
             "status": "archived", "active": false, "created_at": "2026-12-05T09:30:00Z",
             "updated_at": "2026-12-06T10:00:00Z"}""")
    @Operation(summary = "Archive a tax rate", description = "Archives it in Stripe (active=false), which deletes "
            + "no tax rate: where it applies already, it keeps applying; it is offered nowhere new.")
    TaxRateView archive(Caller caller, @PathVariable UUID id) {
        caller.requireWrite();
        return taxRates.archive(caller.organization(), new TaxRateId(id), caller.actor()).map(TaxRateView::of)
                .orElseThrow(TaxRatesApiController::notFound);
    }

    @PostMapping("/{id}/unarchive")
    @ExampleAnswer(description = "The tax rate, active again", value = TAX_RATE_EXAMPLE)
    @Operation(summary = "Make an archived tax rate active again")
    TaxRateView unarchive(Caller caller, @PathVariable UUID id) {
        caller.requireWrite();
        return taxRates.unarchive(caller.organization(), new TaxRateId(id), caller.actor()).map(TaxRateView::of)
                .orElseThrow(TaxRatesApiController::notFound);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such tax rate.");
    }
}
