package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.paydeck.shared.mirror.StateOrder;
import dev.paydeck.shared.mirror.StripeCodes;

/**
 * A price's status in Paydeck: {@code pending} while Stripe has not answered its creation, {@code unknown} when the
 * create got no answer (the janitor resolves it), then Stripe's {@code active} flag as {@code active} or
 * {@code archived}. Stripe deletes no price (only archives it), so no status is final once in Stripe.
 */
public enum PriceStatus {
    PENDING, UNKNOWN, ACTIVE, ARCHIVED;

    static final StateOrder<PriceStatus> ORDER = StateOrder.of(PriceStatus.class)
            .from(PENDING, UNKNOWN, ACTIVE, ARCHIVED)
            .from(UNKNOWN, ACTIVE, ARCHIVED)
            .from(ACTIVE, ARCHIVED)
            .from(ARCHIVED, ACTIVE)
            .build();

    @JsonValue
    public String code() {
        return StripeCodes.code(this);
    }

    static PriceStatus of(String code) {
        return StripeCodes.of(PriceStatus.class, code);
    }

    public boolean unresolved() {
        return this == PENDING || this == UNKNOWN;
    }
}
