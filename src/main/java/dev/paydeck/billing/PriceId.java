package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Paydeck's id of a price (not Stripe's price_ id). */
public record PriceId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PriceId {
        if (id == null) {
            throw new IllegalArgumentException("a price id is required");
        }
    }

    public static PriceId random() {
        return new PriceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
