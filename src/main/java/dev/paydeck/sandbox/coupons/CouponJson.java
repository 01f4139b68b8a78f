package dev.paydeck.sandbox.coupons;

import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.paymentintents.Currencies;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;

/**
 * A coupon as Stripe renders it: a percentage (up to two decimals, more than 0 and at most 100) or an amount in a
 * currency off, for {@code once}, {@code forever} or {@code repeating} a number of months, redeemable until
 * {@code redeem_by} and at most {@code max_redemptions} times ({@code valid} says whether it still can be).
 */
final class CouponJson {

    private static final int MAX_NAME = 40;

    private CouponJson() {
    }

    static ObjectNode create(ObjectNode coupon, StripeCall call, long now) {
        String percentOff = call.string("percent_off");
        Long amountOff = call.longValue("amount_off");
        if (percentOff == null && amountOff == null) {
            throw StripeError.invalid("percent_off", "You must pass either `percent_off` or `amount_off`.");
        }
        if (percentOff != null && amountOff != null) {
            throw StripeError.invalid("amount_off", "You may only specify one of these parameters: amount_off, "
                    + "percent_off.");
        }
        if (amountOff != null) {
            if (call.string("currency") == null) {
                throw StripeError.parameterMissing("currency");
            }
            if (amountOff < 1) {
                throw StripeError.invalid("amount_off", "Invalid amount_off: must be greater than 0");
            }
            coupon.put("amount_off", amountOff);
            coupon.put("currency", Currencies.require(call.string("currency"), "currency"));
        } else {
            coupon.putNull("amount_off");
            coupon.putNull("currency");
        }
        String duration = call.string("duration") == null ? "once" : call.string("duration");
        coupon.put("duration", duration);
        Long months = call.longValue("duration_in_months");
        if (duration.equals("repeating")) {
            if (months == null) {
                throw StripeError.parameterMissing("duration_in_months");
            }
            if (months < 1) {
                throw StripeError.invalid("duration_in_months", "Invalid duration_in_months: must be greater "
                        + "than 0");
            }
            coupon.put("duration_in_months", months);
        } else {
            if (months != null) {
                throw StripeError.invalid("duration_in_months", "You may only specify `duration_in_months` when "
                        + "`duration` is `repeating`.");
            }
            coupon.putNull("duration_in_months");
        }
        coupon.put("livemode", false);
        Long maxRedemptions = call.longValue("max_redemptions");
        if (maxRedemptions != null && maxRedemptions < 1) {
            throw StripeError.invalid("max_redemptions", "Invalid max_redemptions: must be greater than 0");
        }
        putLong(coupon, "max_redemptions", maxRedemptions);
        coupon.putObject("metadata");
        coupon.putNull("name");
        if (percentOff != null) {
            coupon.put("percent_off", percentOff(percentOff));
        } else {
            coupon.putNull("percent_off");
        }
        Long redeemBy = call.longValue("redeem_by");
        if (redeemBy != null && redeemBy <= now) {
            throw StripeError.invalid("redeem_by", "Invalid redeem_by: must be in the future");
        }
        putLong(coupon, "redeem_by", redeemBy);
        coupon.put("times_redeemed", 0);
        coupon.put("valid", true);
        return coupon;
    }

    static void applyName(ObjectNode coupon, StripeCall call) {
        if (!call.has("name")) {
            return;
        }
        String name = call.string("name");
        if (name != null && name.length() > MAX_NAME) {
            throw StripeError.invalid("name", "Invalid name: must be at most 40 characters");
        }
        if (name == null) {
            coupon.putNull("name");
        } else {
            coupon.put("name", name);
        }
    }

    static void appliesTo(ObjectNode coupon, List<String> products) {
        ArrayNode node = coupon.putObject("applies_to").putArray("products");
        products.forEach(node::add);
    }

    /** Whether the coupon can still be redeemed: not past {@code redeem_by}, not redeemed its maximum. */
    static ObjectNode withValidity(ObjectNode coupon, long now) {
        boolean expired = !coupon.path("redeem_by").isNull() && coupon.path("redeem_by").asLong() <= now;
        boolean exhausted = !coupon.path("max_redemptions").isNull()
                && coupon.path("times_redeemed").asLong() >= coupon.path("max_redemptions").asLong();
        coupon.put("valid", !expired && !exhausted);
        return coupon;
    }

    private static BigDecimal percentOff(String text) {
        BigDecimal percent;
        try {
            percent = new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw StripeError.invalid("percent_off", "Invalid decimal: " + text);
        }
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.scale() > 2) {
            throw StripeError.invalid("percent_off", "Invalid percent_off: must be greater than 0 and less than or "
                    + "equal to 100, with at most two decimals");
        }
        // 100, not 1E+2: Stripe writes plain decimals.
        BigDecimal plain = percent.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static void putLong(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
