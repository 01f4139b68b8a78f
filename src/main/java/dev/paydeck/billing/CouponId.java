package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Paydeck's id of a coupon (not Stripe's id). */
public record CouponId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CouponId {
        if (id == null) {
            throw new IllegalArgumentException("a coupon id is required");
        }
    }

    public static CouponId random() {
        return new CouponId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
