package dev.paydeck.accounts;

/** Published when a person has signed up, e.g. so organizations can create their first organization. */
public record PersonSignedUp(PersonId person, String email, String name) {
}
