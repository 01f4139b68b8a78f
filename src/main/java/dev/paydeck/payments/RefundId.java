package dev.paydeck.payments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Paydeck's id of a refund (not Stripe's re_ id). */
public record RefundId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public RefundId {
        if (id == null) {
            throw new IllegalArgumentException("a refund id is required");
        }
    }

    public static RefundId random() {
        return new RefundId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
