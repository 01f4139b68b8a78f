package dev.paydeck.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a signed-in person's choice of language for pages is kept (the accounts module keeps it with the person),
 * so that it follows them from browser to browser. The platform asks it for the principal of the request.
 */
public interface LanguagePreferences {

    /** The language this principal chose, if the principal is a person who chose one. */
    Optional<Locale> of(Object principal);

    /** Keeps the choice for this principal, when it is a person (else does nothing). */
    void remember(Object principal, Locale language);
}
