package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Paydeck's id of a tax rate (not Stripe's id). */
public record TaxRateId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TaxRateId {
        if (id == null) {
            throw new IllegalArgumentException("a tax rate id is required");
        }
    }

    public static TaxRateId random() {
        return new TaxRateId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
