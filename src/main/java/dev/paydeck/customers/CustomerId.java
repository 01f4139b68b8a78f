package dev.paydeck.customers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Paydeck's id of a customer (not Stripe's cus_ id). */
public record CustomerId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CustomerId {
        if (id == null) {
            throw new IllegalArgumentException("a customer id is required");
        }
    }

    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
