package dev.paydeck.shared.mirror;

import com.stripe.net.RequestOptions;

import java.util.UUID;

/**
 * Idempotency keys for Stripe calls, derived from Paydeck's own record id ({@code paydeck-payment-<id>}): a retry of
 * the same call on the same record — after a timeout, a crash, or by the janitor — sends the same key, and Stripe
 * answers it once (for 24 hours).
 */
public final class StripeIdempotency {

    private StripeIdempotency() {
    }

    /** The key of {@code action} ({@code payment}, {@code refund}, {@code capture}…) on the record {@code id}. */
    public static String key(String action, UUID id) {
        return "paydeck-" + action + "-" + id;
    }

    public static RequestOptions options(String action, UUID id) {
        return RequestOptions.builder().setIdempotencyKey(key(action, id)).build();
    }
}
