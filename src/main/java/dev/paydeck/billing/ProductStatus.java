package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.paydeck.shared.mirror.StateOrder;
import dev.paydeck.shared.mirror.StripeCodes;

/**
 * A product's status in Paydeck: {@code pending} while Stripe has not answered its creation, {@code unknown} when the
 * create got no answer (the janitor resolves it), then Stripe's {@code active} flag as {@code active} or
 * {@code archived} (either way, as often as it changes), and {@code deleted} once Stripe deleted it (final).
 */
public enum ProductStatus {
    PENDING, UNKNOWN, ACTIVE, ARCHIVED, DELETED;

    static final StateOrder<ProductStatus> ORDER = StateOrder.of(ProductStatus.class)
            .from(PENDING, UNKNOWN, ACTIVE, ARCHIVED, DELETED)
            .from(UNKNOWN, ACTIVE, ARCHIVED, DELETED)
            .from(ACTIVE, ARCHIVED, DELETED)
            .from(ARCHIVED, ACTIVE, DELETED)
            .build();

    @JsonValue
    public String code() {
        return StripeCodes.code(this);
    }

    static ProductStatus of(String code) {
        return StripeCodes.of(ProductStatus.class, code);
    }

    /** Confirmed by Stripe: {@code active} or {@code archived}. */
    public boolean inStripe() {
        return this == ACTIVE || this == ARCHIVED;
    }

    /** Not yet confirmed by Stripe. */
    public boolean unresolved() {
        return this == PENDING || this == UNKNOWN;
    }
}
