package dev.paydeck.payments;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.paydeck.shared.mirror.StateOrder;
import dev.paydeck.shared.mirror.StripeCodes;

import java.util.EnumSet;
import java.util.Set;

/**
 * A refund's status: Stripe's Refund status, or {@code pending} before Stripe answered and {@code unknown} when it did
 * not. A refund moves from pending/requires_action to a final status; a succeeded refund can still fail later (the
 * bank returns it), so succeeded leads to failed, and failed and canceled are final.
 */
public enum RefundStatus {
    PENDING, UNKNOWN, REQUIRES_ACTION, SUCCEEDED, FAILED, CANCELED;

    static final StateOrder<RefundStatus> ORDER = StateOrder.of(RefundStatus.class)
            .from(PENDING, UNKNOWN, REQUIRES_ACTION, SUCCEEDED, FAILED, CANCELED)
            .from(UNKNOWN, PENDING, REQUIRES_ACTION, SUCCEEDED, FAILED, CANCELED)
            .from(REQUIRES_ACTION, PENDING, SUCCEEDED, FAILED, CANCELED)
            .from(SUCCEEDED, FAILED)
            .build();

    /** The statuses whose amount counts against what is left to refund (so two refunds cannot exceed a payment). */
    static final Set<RefundStatus> COMMITTED = EnumSet.of(PENDING, UNKNOWN, REQUIRES_ACTION, SUCCEEDED);

    @JsonValue
    public String code() {
        return StripeCodes.code(this);
    }

    static RefundStatus of(String code) {
        return StripeCodes.of(RefundStatus.class, code);
    }
}
