package dev.paydeck.accounts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a person who uses Paydeck. */
public record PersonId(@JsonValue UUID id) {

    /** Read back from its JSON (a plain UUID), e.g. in a module event delivered again. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PersonId {
    }

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
