package dev.paydeck.accounts;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** The {@code people} table. */
@Repository
class People {

    /** A person with what sign-in needs. */
    record Credentials(PersonId id, String email, String name, String passwordHash, boolean locked) {
        Person person() {
            return new Person(id, email, name);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    People(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Person insert(String email, String name, String passwordHash) {
        PersonId id = PersonId.random();
        try {
            jdbc.sql("insert into people (id, email, name, password_hash, created_at) values (?, ?, ?, ?, ?)")
                    .params(id.id(), email, name, passwordHash, OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException e) {
            throw new EmailAlreadyUsedException();
        }
        return new Person(id, email, name);
    }

    Optional<Credentials> byEmail(String email) {
        return jdbc.sql("select id, email, name, password_hash, coalesce(locked_until > ?, false) as locked "
                        + "from people where lower(email) = lower(?)")
                .params(OffsetDateTime.now(clock), email)
                .query((rs, row) -> new Credentials(new PersonId(rs.getObject("id", UUID.class)),
                        rs.getString("email"), rs.getString("name"), rs.getString("password_hash"),
                        rs.getBoolean("locked")))
                .optional();
    }

    /** The person with this email, already stripped and in lower case. */
    Optional<PersonId> idByEmail(String normalizedEmail) {
        return jdbc.sql("select id from people where lower(email) = ?").param(normalizedEmail)
                .query(UUID.class).optional().map(PersonId::new);
    }

    Optional<Person> byId(PersonId id) {
        return jdbc.sql("select id, email, name from people where id = ?").param(id.id())
                .query((rs, row) -> new Person(new PersonId(rs.getObject("id", UUID.class)), rs.getString("email"),
                        rs.getString("name")))
                .optional();
    }

    /** The language the person chose for pages ({@code en}, {@code es}, {@code fr}); empty: none chosen. */
    Optional<String> language(PersonId id) {
        return jdbc.sql("select language from people where id = ?").param(id.id())
                .query((rs, row) -> Optional.ofNullable(rs.getString("language"))).optional().flatMap(l -> l);
    }

    void setLanguage(PersonId id, String language) {
        jdbc.sql("update people set language = ? where id = ?").params(language, id.id()).update();
    }

    /** Counts a failed sign-in; at the limit, locks the account for a while and starts counting again. */
    void recordFailure(String email, int limit, Duration lockFor) {
        jdbc.sql("""
                update people set
                    failed_logins = case when failed_logins + 1 >= :limit then 0 else failed_logins + 1 end,
                    locked_until = case when failed_logins + 1 >= :limit
                                        then :lockedUntil else locked_until end
                where lower(email) = lower(:email)""")
                .param("limit", limit).param("lockedUntil", OffsetDateTime.now(clock).plus(lockFor))
                .param("email", email)
                .update();
    }

    /** A new password, which also lifts a lock left by failed sign-ins. */
    void changePassword(PersonId id, String passwordHash) {
        jdbc.sql("update people set password_hash = ?, failed_logins = 0, locked_until = null where id = ?")
                .params(passwordHash, id.id()).update();
    }

    /** The email of the person who signed up first on this instance, if anyone has. */
    Optional<String> firstEmail() {
        return jdbc.sql("select email from people order by created_at, id limit 1").query(String.class).optional();
    }

    void recordSuccess(PersonId id) {
        jdbc.sql("update people set failed_logins = 0, locked_until = null where id = ?").param(id.id()).update();
    }
}
