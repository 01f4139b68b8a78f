package dev.paydeck.billing;

import dev.paydeck.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What a coupon is created with: exactly one of {@code percentOff} (more than 0, at most 100, two decimals) and
 * {@code amountOff}; {@code durationInMonths} exactly when the duration is {@code repeating}.
 */
public record CouponDraft(String name, BigDecimal percentOff, Money amountOff, Coupon.Duration duration,
                          Integer durationInMonths, Long maxRedemptions, Instant redeemBy,
                          Map<String, String> metadata) {

    public CouponDraft {
        if ((percentOff == null) == (amountOff == null)) {
            throw new IllegalArgumentException("a coupon takes either a percentage or an amount off");
        }
        if ((duration == Coupon.Duration.REPEATING) != (durationInMonths != null)) {
            throw new IllegalArgumentException("a number of months goes with a repeating coupon only");
        }
    }
}
