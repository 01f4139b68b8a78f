package dev.paydeck.customers;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.paydeck.shared.mirror.StateOrder;
import dev.paydeck.shared.mirror.StripeCodes;

/**
 * A customer's status in Paydeck: {@code pending} while Stripe has not confirmed the creation, {@code active} once it
 * has, {@code deleted} after deletion (kept for history, never active again).
 */
public enum CustomerStatus {
    PENDING, ACTIVE, DELETED;

    static final StateOrder<CustomerStatus> ORDER = StateOrder.of(CustomerStatus.class)
            .from(PENDING, ACTIVE, DELETED)
            .from(ACTIVE, DELETED)
            .build();

    @JsonValue
    public String code() {
        return StripeCodes.code(this);
    }

    static CustomerStatus of(String code) {
        return StripeCodes.of(CustomerStatus.class, code);
    }

    public boolean isActive() {
        return this == ACTIVE;
    }
}
