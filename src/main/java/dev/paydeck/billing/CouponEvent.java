package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** Something done to a coupon through Paydeck, delivered to other modules after commit. */
public sealed interface CouponEvent permits CouponCreated, CouponDeleted {

    OrganizationId organization();

    CouponId coupon();

    String actor();

    /** When it happened, by the business clock. */
    Instant occurredAt();

    /** What it takes off: {@code 25%} or {@code $5.00}. */
    String off();
}
