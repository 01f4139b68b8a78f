package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Paydeck's id of an invoice (not Stripe's in_ id). */
public record InvoiceId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public InvoiceId {
        if (id == null) {
            throw new IllegalArgumentException("an invoice id is required");
        }
    }

    public static InvoiceId random() {
        return new InvoiceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
