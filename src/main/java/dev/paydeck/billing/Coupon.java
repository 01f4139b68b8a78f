package dev.paydeck.billing;

import dev.paydeck.shared.Money;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A discount an organization offers, as Paydeck keeps it (Stripe's Coupon): a percentage or an amount off, applied
 * once, for some months, or forever; redeemable until {@code redeemBy} and at most {@code maxRedemptions} times.
 * Stripe fixes all but its name and metadata at creation.
 */
public record Coupon(CouponId id, String stripeCouponId, String name, BigDecimal percentOff, Money amountOff,
                     Duration duration, Integer durationInMonths, Long maxRedemptions, OffsetDateTime redeemBy,
                     long timesRedeemed, Map<String, String> metadata, CouponStatus status, OffsetDateTime createdAt,
                     OffsetDateTime updatedAt) {

    /** How long a coupon applies once redeemed (Stripe's {@code duration}). */
    public enum Duration {
        ONCE, REPEATING, FOREVER;

        public String code() {
            return dev.paydeck.shared.mirror.StripeCodes.code(this);
        }
    }
}
