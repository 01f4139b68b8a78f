package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A coupon was deleted through Paydeck (and in Stripe). */
public record CouponDeleted(OrganizationId organization, CouponId coupon, String off, String actor, Instant occurredAt)
        implements CouponEvent {
}
