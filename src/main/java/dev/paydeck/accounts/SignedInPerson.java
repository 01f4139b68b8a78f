package dev.paydeck.accounts;

import java.io.Serializable;
import java.security.Principal;

/** The principal of a request made by a person (web session or API token). */
public record SignedInPerson(PersonId id, String email, String name) implements Principal, Serializable {

    @Override
    public String getName() {
        return email;
    }
}
