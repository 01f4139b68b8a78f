package dev.paydeck.accounts;

/** A person who signs in to Paydeck (never carries the password hash). */
public record Person(PersonId id, String email, String name) {
}
