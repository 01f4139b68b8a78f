package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.paydeck.shared.mirror.StateOrder;
import dev.paydeck.shared.mirror.StripeCodes;

/**
 * A coupon's status in Paydeck: {@code pending} while Stripe has not answered its creation, {@code unknown} when the
 * create got no answer (the janitor resolves it), then Stripe's {@code valid} flag as {@code valid} or
 * {@code invalid} (past its {@code redeem_by}, or redeemed {@code max_redemptions} times: neither comes back), and
 * {@code deleted} once deleted in Stripe (final; where it already applies, it keeps applying).
 */
public enum CouponStatus {
    PENDING, UNKNOWN, VALID, INVALID, DELETED;

    static final StateOrder<CouponStatus> ORDER = StateOrder.of(CouponStatus.class)
            .from(PENDING, UNKNOWN, VALID, INVALID, DELETED)
            .from(UNKNOWN, VALID, INVALID, DELETED)
            .from(VALID, INVALID, DELETED)
            .from(INVALID, DELETED)
            .build();

    @JsonValue
    public String code() {
        return StripeCodes.code(this);
    }

    static CouponStatus of(String code) {
        return StripeCodes.of(CouponStatus.class, code);
    }

    /** Confirmed by Stripe and not deleted: {@code valid} or {@code invalid}. */
    public boolean inStripe() {
        return this == VALID || this == INVALID;
    }

    /** Not yet confirmed by Stripe. */
    public boolean unresolved() {
        return this == PENDING || this == UNKNOWN;
    }
}
