package dev.paydeck.billing;

import dev.paydeck.shared.Money;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * What a product costs, as Paydeck keeps it (Stripe's Price): an amount per unit, once ({@code recurring} null) or
 * every {@code recurring}. Stripe never changes a price's amount or terms: a new price replaces it. {@code unitAmount}
 * is null for a tiered price, whose {@code tiers} say what it costs.
 */
public record Price(PriceId id, ProductId product, String stripePriceId, Money unitAmount, String currency,
                    Recurring recurring, String billingScheme, Tiers tiers, String lookupKey, String nickname,
                    Map<String, String> metadata, PriceStatus status, OffsetDateTime createdAt,
                    OffsetDateTime updatedAt) {

    /** How often a recurring price is charged: every {@code intervalCount} {@code interval}s. */
    public record Recurring(Interval interval, int intervalCount) {
    }

    /**
     * The amounts of a tiered price: {@code graduated} (each unit at its own tier's amounts) or {@code volume} (every
     * unit at the amounts of the tier the total falls in); the last tier has no {@code upTo}.
     */
    public record Tiers(String mode, java.util.List<Tier> tiers) {
    }

    /** Up to {@code upTo} units (null: any number): an amount per unit and/or a flat amount. */
    public record Tier(Long upTo, Money unitAmount, Money flatAmount) {
    }

    /** Stripe's intervals. */
    public enum Interval {
        DAY, WEEK, MONTH, YEAR;

        public String code() {
            return dev.paydeck.shared.mirror.StripeCodes.code(this);
        }
    }

    /** {@code one_time} or {@code recurring}, Stripe's word. */
    public String type() {
        return recurring == null ? "one_time" : "recurring";
    }
}
