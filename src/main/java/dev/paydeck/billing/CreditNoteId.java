package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Paydeck's id of a credit note (not Stripe's cn_ id). */
public record CreditNoteId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public CreditNoteId {
        if (id == null) {
            throw new IllegalArgumentException("a credit note id is required");
        }
    }

    public static CreditNoteId random() {
        return new CreditNoteId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
