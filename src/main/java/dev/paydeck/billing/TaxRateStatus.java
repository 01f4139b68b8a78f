package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.paydeck.shared.mirror.StateOrder;
import dev.paydeck.shared.mirror.StripeCodes;

/**
 * A tax rate's status in Paydeck: {@code pending} while Stripe has not answered its creation, {@code unknown} when
 * the create got no answer (the janitor resolves it), then Stripe's {@code active} flag as {@code active} or
 * {@code archived}, as often as it changes. Stripe deletes no tax rate, so no status is final once in Stripe.
 */
public enum TaxRateStatus {
    PENDING, UNKNOWN, ACTIVE, ARCHIVED;

    static final StateOrder<TaxRateStatus> ORDER = StateOrder.of(TaxRateStatus.class)
            .from(PENDING, UNKNOWN, ACTIVE, ARCHIVED)
            .from(UNKNOWN, ACTIVE, ARCHIVED)
            .from(ACTIVE, ARCHIVED)
            .from(ARCHIVED, ACTIVE)
            .build();

    @JsonValue
    public String code() {
        return StripeCodes.code(this);
    }

    static TaxRateStatus of(String code) {
        return StripeCodes.of(TaxRateStatus.class, code);
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
