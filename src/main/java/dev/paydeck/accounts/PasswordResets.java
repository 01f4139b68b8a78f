package dev.paydeck.accounts;

import dev.paydeck.platform.Mail;
import dev.paydeck.platform.MailMessage;
import dev.paydeck.platform.PaydeckProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Password reset by a link sent by mail: the link carries a random 256-bit token, good once and for an hour; Paydeck
 * keeps only its SHA-256 hash, so its table does not hold usable links. Asking for a link answers the same whether
 * the email has an account or not; the mail goes out after commit, once per request.
 */
@Service
public class PasswordResets {

    static final Duration LINK_LIFETIME = Duration.ofHours(1);

    /** What a link is worth. */
    public enum LinkState { VALID, EXPIRED, USED_OR_UNKNOWN }

    private final PasswordResetRecords records;
    private final People people;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Mail mail;
    private final Clock clock;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    PasswordResets(PasswordResetRecords records, People people, PasswordEncoder passwords,
            ApplicationEventPublisher events, Mail mail, Clock clock, PaydeckProperties properties) {
        this.records = records;
        this.people = people;
        this.passwords = passwords;
        this.events = events;
        this.mail = mail;
        this.clock = clock;
        this.publicUrl = properties.publicUrl();
    }

    /** Asks for a link for this email: mailed after commit if the email has an account; nothing tells which. */
    @Transactional
    public void request(String email, Locale locale) {
        events.publishEvent(new PasswordResetRequested(UUID.randomUUID(), email.strip().toLowerCase(Locale.ROOT),
                (locale == null ? Locale.ENGLISH : locale).toLanguageTag()));
    }

    @ApplicationModuleListener
    void mailLink(PasswordResetRequested request) {
        Optional<People.Credentials> found = people.byEmail(request.email());
        if (found.isEmpty()) {
            return;
        }
        Person person = found.get().person();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        if (!records.insert(request.id(), person.id(), hash(token), now, now.plus(LINK_LIFETIME))) {
            return; // this request was handled before: its mail is out already
        }
        mail.send(new MailMessage("password-reset:" + request.id(), null, person.email(), "password-reset",
                Map.of("name", person.name(), "link", publicUrl + "/password/reset?token=" + token,
                        "minutes", LINK_LIFETIME.toMinutes()),
                Locale.forLanguageTag(request.language()), true));
    }

    public LinkState check(String token) {
        return records.find(hash(token)).map(this::state).orElse(LinkState.USED_OR_UNKNOWN);
    }

    /** Sets the new password if the link is good, and uses it (and every other open link of the person) up. */
    @Transactional
    public Optional<Person> reset(String token, String newPassword) {
        Optional<PasswordResetRecords.Reset> reset = records.lock(hash(token));
        if (reset.isEmpty() || state(reset.get()) != LinkState.VALID) {
            return Optional.empty();
        }
        PersonId person = reset.get().person();
        people.changePassword(person, passwords.encode(newPassword));
        records.useAll(person, clock.instant());
        return people.byId(person);
    }

    private LinkState state(PasswordResetRecords.Reset reset) {
        if (reset.used()) {
            return LinkState.USED_OR_UNKNOWN;
        }
        return clock.instant().isBefore(reset.expiresAt()) ? LinkState.VALID : LinkState.EXPIRED;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
