package dev.paydeck.accounts;

import dev.paydeck.platform.LanguagePreferences;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Optional;

/** A person's language for pages, kept with the person (the {@code people.language} column). */
@Component
class PersonLanguages implements LanguagePreferences {

    private final Accounts accounts;

    PersonLanguages(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Locale> of(Object principal) {
        return principal instanceof SignedInPerson person
                ? accounts.languageOf(person.id()).map(Locale::forLanguageTag) : Optional.empty();
    }

    @Override
    public void remember(Object principal, Locale language) {
        if (principal instanceof SignedInPerson person) {
            accounts.chooseLanguage(person.id(), language.getLanguage());
        }
    }
}
