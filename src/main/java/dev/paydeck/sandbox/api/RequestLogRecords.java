package dev.paydeck.sandbox.api;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** The {@code sandbox.request_log} table. */
@Repository
class RequestLogRecords {

    private final JdbcClient jdbc;

    RequestLogRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's latest requests, newest first. */
    List<RequestLog.Entry> recent(String accountId, int limit) {
        return jdbc.sql("select request_id, method, path, status, idempotency_key, created_at "
                        + "from sandbox.request_log where account_id = ? order by id desc limit ?")
                .params(accountId, limit).query(RequestLog.Entry.class).list();
    }

    /** Writes the lines in one statement, in their order (one statement text whatever their number). */
    void insert(List<RequestLog.Line> lines) {
        int size = lines.size();
        String[] accounts = new String[size];
        String[] requestIds = new String[size];
        String[] methods = new String[size];
        String[] paths = new String[size];
        Integer[] statuses = new Integer[size];
        String[] keys = new String[size];
        Long[] times = new Long[size];
        for (int i = 0; i < size; i++) {
            RequestLog.Line line = lines.get(i);
            accounts[i] = line.accountId();
            requestIds[i] = line.requestId();
            methods[i] = line.method();
            paths[i] = line.path();
            statuses[i] = line.status();
            keys[i] = line.idempotencyKey();
            times[i] = line.createdAtMillis();
        }
        jdbc.sql("""
                        insert into sandbox.request_log (account_id, request_id, method, path, status,
                                                         idempotency_key, created_at)
                        select a, r, m, p, s, k, to_timestamp(t / 1000.0)
                          from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::bigint[])
                               with ordinality as u(a, r, m, p, s, k, t, n)
                         order by n""")
                .params(accounts, requestIds, methods, paths, statuses, keys, times)
                .update();
    }
}
