package dev.paydeck.organizations;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Which Stripe an organization talks to: Paydeck's sandbox, or real Stripe in test or live mode. */
public enum StripeMode {
    SANDBOX, TEST, LIVE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StripeMode fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** The mode a real Stripe key is for, from its prefix ({@code sk_test_}, {@code rk_live_}, {@code pk_test_}...). */
    static StripeMode ofKey(String key) {
        if (key.startsWith("sk_test_") || key.startsWith("rk_test_") || key.startsWith("pk_test_")) {
            return TEST;
        }
        if (key.startsWith("sk_live_") || key.startsWith("rk_live_") || key.startsWith("pk_live_")) {
            return LIVE;
        }
        throw new IllegalArgumentException("not a Stripe key");
    }
}
