package dev.paydeck.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/** Identifies an organization (a tenant). Every piece of tenant data carries one. */
public record OrganizationId(@JsonValue UUID id) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public OrganizationId {
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    /** Parses an id from a path or header; empty when it is not a valid id, so callers can answer 404. */
    public static java.util.Optional<OrganizationId> parse(String text) {
        try {
            return java.util.Optional.of(new OrganizationId(UUID.fromString(text.strip())));
        } catch (IllegalArgumentException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
