package dev.paydeck.accounts;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies a person who uses Paydeck. */
public record PersonId(@JsonValue UUID id) {

    public static PersonId random() {
        return new PersonId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
