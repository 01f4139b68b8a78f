package dev.paydeck.billing.web;

/**
 * The new-coupon form: a percentage or an amount off ({@code kind}), how long it applies, and its limits, as typed
 * (numbers are read by {@link CouponPagesController}, which puts errors at their field). {@code idempotencyKey} is
 * the form's hidden key, so that a form submitted twice creates one coupon.
 */
record CouponForm(String name, String kind, String percentOff, String amountOff, String currency, String duration,
                  String durationInMonths, String maxRedemptions, String redeemBy, String idempotencyKey) {

    static CouponForm empty() {
        return new CouponForm("", "percent", "", "", "usd", "once", "", "", "", java.util.UUID.randomUUID().toString());
    }
}
