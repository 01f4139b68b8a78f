package dev.paydeck.sandbox.prices;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a price charges for a quantity, as Stripe computes it, in the currency's minor units: {@code per_unit}
 * (the quantity, after {@code transform_quantity} divides and rounds it, times {@code unit_amount_decimal}), or
 * {@code tiered}: {@code graduated} (each tier prices the units that fall in it, plus its flat amount once it is
 * reached) or {@code volume} (the tier the whole quantity falls in prices every unit, plus its flat amount). Decimal
 * amounts are kept exact and the total is rounded to a whole minor unit at the end, half up. Pure: invoices and
 * subscriptions use it for their lines.
 */
public record PriceAmounts(BillingScheme scheme, BigDecimal unitAmount, TiersMode tiersMode, List<Tier> tiers,
                           Long divideBy, Rounding round) {

    public enum BillingScheme { PER_UNIT, TIERED }

    public enum TiersMode { GRADUATED, VOLUME }

    public enum Rounding { UP, DOWN }

    /** One tier: up to (and including) {@code upTo} units, or every unit past the previous tier when null ("inf"). */
    public record Tier(Long upTo, BigDecimal unitAmount, BigDecimal flatAmount) {
    }

    public PriceAmounts {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public static PriceAmounts perUnit(BigDecimal unitAmount) {
        return new PriceAmounts(BillingScheme.PER_UNIT, unitAmount, null, List.of(), null, null);
    }

    public static PriceAmounts tiered(TiersMode mode, List<Tier> tiers) {
        return new PriceAmounts(BillingScheme.TIERED, null, mode, tiers, null, null);
    }

    /** The same per-unit price, billing the quantity divided by {@code divideBy} and rounded up or down. */
    public PriceAmounts transformed(long divideBy, Rounding round) {
        return new PriceAmounts(scheme, unitAmount, tiersMode, tiers, divideBy, round);
    }

    /** A price as the sandbox renders it (its {@code billing_scheme}, amounts, tiers and transform). */
    public static PriceAmounts of(JsonNode price) {
        BillingScheme scheme = "tiered".equals(price.path("billing_scheme").asString(null)) ? BillingScheme.TIERED
                : BillingScheme.PER_UNIT;
        if (scheme == BillingScheme.TIERED) {
            List<Tier> tiers = new ArrayList<>();
            for (JsonNode tier : price.path("tiers")) {
                tiers.add(new Tier(tier.path("up_to").isNull() ? null : tier.path("up_to").asLong(),
                        decimal(tier.path("unit_amount_decimal")), decimal(tier.path("flat_amount_decimal"))));
            }
            TiersMode mode = "volume".equals(price.path("tiers_mode").asString(null)) ? TiersMode.VOLUME
                    : TiersMode.GRADUATED;
            return tiered(mode, tiers);
        }
        PriceAmounts perUnit = perUnit(decimal(price.path("unit_amount_decimal")));
        JsonNode transform = price.path("transform_quantity");
        if (transform.isObject()) {
            return perUnit.transformed(transform.path("divide_by").asLong(),
                    "up".equals(transform.path("round").asString(null)) ? Rounding.UP : Rounding.DOWN);
        }
        return perUnit;
    }

    /** The amount for this quantity, in minor units, rounded half up. */
    public long amount(long quantity) {
        return exactAmount(quantity).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The amount before rounding to a minor unit (a decimal unit amount can leave fractions of a cent). */
    public BigDecimal exactAmount(long quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("A quantity is never negative: " + quantity);
        }
        if (scheme == BillingScheme.PER_UNIT) {
            return orZero(unitAmount).multiply(BigDecimal.valueOf(billedQuantity(quantity)));
        }
        return tiersMode == TiersMode.VOLUME ? volume(quantity) : graduated(quantity);
    }

    /** The quantity billed: the given one, or divided by {@code transform_quantity[divide_by]} and rounded. */
    public long billedQuantity(long quantity) {
        if (divideBy == null) {
            return quantity;
        }
        long whole = quantity / divideBy;
        return round == Rounding.UP && quantity % divideBy != 0 ? whole + 1 : whole;
    }

    private BigDecimal graduated(long quantity) {
        BigDecimal total = BigDecimal.ZERO;
        long billedSoFar = 0;
        for (Tier tier : tiers) {
            if (billedSoFar >= quantity) {
                break;
            }
            long upTo = tier.upTo() == null ? quantity : Math.min(tier.upTo(), quantity);
            long units = upTo - billedSoFar;
            if (units > 0) {
                total = total.add(orZero(tier.unitAmount()).multiply(BigDecimal.valueOf(units)))
                        .add(orZero(tier.flatAmount()));
                billedSoFar = upTo;
            }
        }
        return total;
    }

    private BigDecimal volume(long quantity) {
        for (Tier tier : tiers) {
            if (tier.upTo() == null || quantity <= tier.upTo()) {
                return orZero(tier.unitAmount()).multiply(BigDecimal.valueOf(quantity)).add(orZero(tier.flatAmount()));
            }
        }
        throw new IllegalStateException("The last tier of a price is always up to inf");
    }

    private static BigDecimal decimal(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? null : new BigDecimal(value.asString());
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
