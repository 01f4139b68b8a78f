package dev.paydeck.sandbox.api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The {@code sandbox.idempotency_keys} table: per account, each key with the request that took it and its answer. */
@Repository
class IdempotencyKeyRecords {

    private final JdbcClient jdbc;

    IdempotencyKeyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the key for this request (a key older than 24 hours is taken over as if it were new); false if held. */
    boolean claim(String accountId, String key, String requestHash, String requestId) {
        return jdbc.sql("""
                        insert into sandbox.idempotency_keys (account_id, key, request_hash, request_id)
                        values (?, ?, ?, ?)
                        on conflict (account_id, key) do update
                           set request_hash = excluded.request_hash, request_id = excluded.request_id,
                               status = null, response = null, created_at = now()
                         where sandbox.idempotency_keys.created_at < now() - interval '24 hours'""")
                .params(accountId, key, requestHash, requestId).update() == 1;
    }

    Optional<Idempotency.Saved> find(String accountId, String key) {
        return jdbc.sql("select request_hash, request_id, status, response from sandbox.idempotency_keys "
                        + "where account_id = ? and key = ?")
                .params(accountId, key).query(Idempotency.Saved.class).optional();
    }

    void saveAnswer(String accountId, String key, int status, String response) {
        jdbc.sql("update sandbox.idempotency_keys set status = ?, response = ? where account_id = ? and key = ?")
                .params(status, response, accountId, key).update();
    }

    /** Frees a key whose request has no answer (it failed before one), so the client can try again. */
    void deleteUnanswered(String accountId, String key) {
        jdbc.sql("delete from sandbox.idempotency_keys where account_id = ? and key = ? and status is null")
                .params(accountId, key).update();
    }
}
