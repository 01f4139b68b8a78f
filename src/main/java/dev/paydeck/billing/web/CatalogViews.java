package dev.paydeck.billing.web;

import dev.paydeck.billing.Price;
import dev.paydeck.billing.Product;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Products and prices as the API shows them: Stripe's field names, amounts in minor units and formatted. */
final class CatalogViews {

    private CatalogViews() {
    }

    record ProductView(
            UUID id,
            @Schema(example = "prod_QxYbX2eZvKYlo2") String stripeProductId,
            String name,
            String description,
            Map<String, String> metadata,
            @Schema(description = "active, archived, deleted; pending or unknown while Stripe has not confirmed it")
            String status,
            boolean active,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static ProductView of(Product p) {
            return new ProductView(p.id().id(), p.stripeProductId(), p.name(), p.description(), p.metadata(),
                    p.status().code(), p.status().name().equals("ACTIVE"), p.createdAt(), p.updatedAt());
        }
    }

    record RecurringView(@Schema(example = "month") String interval, @Schema(example = "1") int intervalCount) {
    }

    record TierView(@Schema(example = "10", description = "Up to this many units; null for the last tier") Long upTo,
                    @Schema(example = "900") Long unitAmount,
                    @Schema(example = "0") Long flatAmount) {
    }

    record PriceView(
            UUID id,
            @Schema(example = "price_1QxYbX2eZvKYlo2") String stripePriceId,
            UUID productId,
            @Schema(example = "usd") String currency,
            @Schema(example = "1500", description = "Smallest currency unit; absent for a tiered price")
            Long unitAmount,
            @Schema(example = "$15.00") String unitAmountFormatted,
            @Schema(example = "recurring", description = "one_time or recurring") String type,
            RecurringView recurring,
            @Schema(example = "per_unit", description = "per_unit, or tiered (then see tiers)") String billingScheme,
            @Schema(example = "graduated", description = "graduated or volume, for a tiered price") String tiersMode,
            java.util.List<TierView> tiers,
            String lookupKey,
            String nickname,
            Map<String, String> metadata,
            @Schema(description = "active, archived; pending or unknown while Stripe has not confirmed it")
            String status,
            boolean active,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static PriceView of(Price p) {
            return new PriceView(p.id().id(), p.stripePriceId(), p.product().id(), p.currency(),
                    p.unitAmount() == null ? null : p.unitAmount().minor(),
                    p.unitAmount() == null ? null : p.unitAmount().format(), p.type(),
                    p.recurring() == null ? null : new RecurringView(p.recurring().interval().code(),
                            p.recurring().intervalCount()),
                    p.billingScheme(), p.tiers() == null ? null : p.tiers().mode(),
                    p.tiers() == null ? null : p.tiers().tiers().stream().map(t -> new TierView(t.upTo(),
                            t.unitAmount() == null ? null : t.unitAmount().minor(),
                            t.flatAmount() == null ? null : t.flatAmount().minor())).toList(),
                    p.lookupKey(), p.nickname(), p.metadata(), p.status().code(),
                    p.status().name().equals("ACTIVE"), p.createdAt(), p.updatedAt());
        }
    }
}
