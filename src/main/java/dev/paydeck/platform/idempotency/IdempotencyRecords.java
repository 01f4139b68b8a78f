package dev.paydeck.platform.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** Kept answers of idempotent API requests ({@code idempotency_records}), 24 hours per caller and key. */
@Repository
public class IdempotencyRecords {

    record Saved(String requestHash, Integer status, String contentType, byte[] response) {
    }

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this request; empty when claimed, else what the earlier request left. One statement: a key
     * older than 24 hours is taken over as if it were new.
     */
    Optional<Saved> claim(String principal, String key, String requestHash) {
        int claimed = jdbc.sql("""
                        insert into idempotency_records (principal, key, request_hash) values (?, ?, ?)
                        on conflict (principal, key) do update
                           set request_hash = excluded.request_hash, status = null, content_type = null,
                               response = null, created_at = now()
                         where idempotency_records.created_at < now() - interval '24 hours'""")
                .params(principal, key, requestHash).update();
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
