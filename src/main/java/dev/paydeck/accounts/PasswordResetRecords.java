package dev.paydeck.accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The {@code password_resets} table: hashes of reset tokens, each good once until it expires. */
@Repository
class PasswordResetRecords {

    /** A token's row, as found by its hash. */
    record Reset(UUID id, PersonId person, Instant expiresAt, boolean used) {
    }

    private final JdbcClient jdbc;

    PasswordResetRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the token of this request; false when the request has one already. */
    boolean insert(UUID id, PersonId person, String tokenHash, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                        insert into password_resets (id, person_id, token_hash, created_at, expires_at)
                        values (?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(id, person.id(), tokenHash, at(now), at(expiresAt)).update() == 1;
    }

    Optional<Reset> find(String tokenHash) {
        return select(tokenHash, "");
    }

    /** The row, locked until the transaction ends (so two uses of one link cannot both succeed). */
    Optional<Reset> lock(String tokenHash) {
        return select(tokenHash, " for update");
    }

    private Optional<Reset> select(String tokenHash, String lock) {
        return jdbc.sql("select id, person_id, expires_at, used_at is not null as used from password_resets "
                        + "where token_hash = ?" + lock)
                .param(tokenHash)
                .query((rs, row) -> new Reset(rs.getObject("id", UUID.class),
                        new PersonId(rs.getObject("person_id", UUID.class)),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(), rs.getBoolean("used")))
                .optional();
    }

    /** Uses up every link of the person still open (the one just used, and any older ones). */
    void useAll(PersonId person, Instant now) {
        jdbc.sql("update password_resets set used_at = ? where person_id = ? and used_at is null")
                .params(at(now), person.id()).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
