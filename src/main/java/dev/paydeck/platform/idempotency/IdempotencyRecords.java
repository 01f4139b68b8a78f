package dev.paydeck.platform.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Kept answers of idempotent API requests ({@code idempotency_records}), 24 hours per caller and key. */
@Repository
public class IdempotencyRecords {

    record Saved(String requestHash, Integer status, String contentType, byte[] response) {
    }

    /** How long a key's answer is kept, as Stripe keeps its idempotency keys. */
    static final Duration KEPT = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims the key for this request; empty when claimed, else what the earlier request left. One statement: a key
     * older than 24 hours is taken over as if it were new.
     */
    Optional<Saved> claim(String principal, String key, String requestHash) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int claimed = jdbc.sql("""
                        insert into idempotency_records (principal, key, request_hash, created_at) values (?, ?, ?, ?)
                        on conflict (principal, key) do update
                           set request_hash = excluded.request_hash, status = null, content_type = null,
                               response = null, created_at = excluded.created_at
                         where idempotency_records.created_at < ?""")
                .params(principal, key, requestHash, now, now.minus(KEPT)).update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.sql("select request_hash, status, content_type, response from idempotency_records "
                        + "where principal = ? and key = ?")
                .params(principal, key).query(Saved.class).optional();
    }

    void save(String principal, String key, int status, String contentType, byte[] response) {
        jdbc.sql("update idempotency_records set status = ?, content_type = ?, response = ? "
                        + "where principal = ? and key = ?")
                .params(status, contentType, response, principal, key).update();
    }

    void release(String principal, String key) {
        jdbc.sql("delete from idempotency_records where principal = ? and key = ? and status is null")
                .params(principal, key).update();
    }
}
