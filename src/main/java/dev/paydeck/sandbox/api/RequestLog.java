package dev.paydeck.sandbox.api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;

/** Every API request the sandbox answered (method, path, status, request id), for the sandbox's pages. */
@Component
public class RequestLog {

    public record Entry(String requestId, String method, String path, int status, String idempotencyKey,
                        OffsetDateTime createdAt) {
    }

    private final JdbcClient jdbc;

    RequestLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(String accountId, String requestId, String method, String path, int status, String idempotencyKey) {
        jdbc.sql("insert into sandbox.request_log (account_id, request_id, method, path, status, idempotency_key) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(accountId, requestId, method, path, status, idempotencyKey).update();
    }

    public List<Entry> recent(String accountId, int limit) {
        return jdbc.sql("select request_id, method, path, status, idempotency_key, created_at "
                        + "from sandbox.request_log where account_id = ? order by id desc limit ?")
                .params(accountId, limit).query(Entry.class).list();
    }
}
