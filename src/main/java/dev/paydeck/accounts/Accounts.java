package dev.paydeck.accounts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * People: sign-up and the checks behind sign-in (password, lockout after repeated failures). The public face of
 * the accounts module for other modules.
 */
@Service
public class Accounts {

    static final int FAILED_SIGN_INS_BEFORE_LOCK = 5;
    static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    private final People people;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;

    Accounts(People people, PasswordEncoder passwords, ApplicationEventPublisher events) {
        this.people = people;
        this.passwords = passwords;
        this.events = events;
    }

    /** Creates a person; the email must be new. Validation of the fields happens at the edges (API, form). */
    @Transactional
    public Person signUp(String email, String name, String password) {
        Person person = people.insert(email.strip().toLowerCase(Locale.ROOT), name.strip(),
                passwords.encode(password));
        events.publishEvent(new PersonSignedUp(person.id(), person.email(), person.name()));
        return person;
    }

    /**
     * The person with these credentials, if they are right and the account is not locked. Wrong passwords count
     * towards a temporary lock; the answer never says which part was wrong.
     */
    public Optional<Person> verify(String email, String password) {
        Optional<People.Credentials> found = people.byEmail(email.strip());
        if (found.isEmpty()) {
            // Spend the same time as a real check, so response times don't reveal which emails exist.
            passwords.matches(password, DUMMY_HASH);
            return Optional.empty();
        }
        People.Credentials credentials = found.get();
        if (credentials.locked()) {
            return Optional.empty();
        }
        if (!passwords.matches(password, credentials.passwordHash())) {
            people.recordFailure(credentials.email(), FAILED_SIGN_INS_BEFORE_LOCK, LOCK_DURATION);
            return Optional.empty();
        }
        people.recordSuccess(credentials.id());
        return Optional.of(credentials.person());
    }

    /** The language the person chose for Paydeck's pages ({@code en}, {@code es} or {@code fr}), if they chose one. */
    public Optional<String> languageOf(PersonId id) {
        return people.language(id);
    }

    /** Keeps the person's choice of language for pages, so it follows them to any browser. */
    public void chooseLanguage(PersonId id, String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("Paydeck's pages are in en, es and fr, not " + language);
        }
        people.setLanguage(id, language);
    }

    private static final Set<String> LANGUAGES = Set.of("en", "es", "fr");

    public Optional<Person> find(PersonId id) {
        return people.byId(id);
    }

    private static final String DUMMY_HASH = "$2a$10$7EqJtq98hPqEX7fNZaFWoOhi5BWX4Z1VZqPl0GQuJcS3Qy2bPJ3ka";
}
