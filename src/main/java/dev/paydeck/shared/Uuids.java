package dev.paydeck.shared;

import java.util.Optional;
import java.util.UUID;

/** UUIDs from text a person or a program typed: surrounding blanks ignored, anything else not a UUID is empty. */
public final class Uuids {

    public static Optional<UUID> parse(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Uuids() {
    }
}
