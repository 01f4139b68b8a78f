package dev.paydeck.payments;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Paydeck's id of a payment (not Stripe's PaymentIntent id). */
public record PaymentId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PaymentId {
        if (id == null) {
            throw new IllegalArgumentException("a payment id is required");
        }
    }

    public static PaymentId random() {
        return new PaymentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
