package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Paydeck's id of a product (not Stripe's prod_ id). */
public record ProductId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ProductId {
        if (id == null) {
            throw new IllegalArgumentException("a product id is required");
        }
    }

    public static ProductId random() {
        return new ProductId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
