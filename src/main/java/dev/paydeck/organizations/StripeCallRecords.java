package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The {@code stripe_calls} table: the log of calls to organizations' Stripe. */
@Repository
class StripeCallRecords {

    private final JdbcClient jdbc;

    StripeCallRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends calls in one statement. */
    void append(List<StripeCallLog.Call> calls) {
        if (calls.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("""
                insert into stripe_calls (organization_id, object_type, object_id, method, path, idempotency_key,
                    request_id, status, latency_ms, in_transaction, occurred_at) values """);
        Object[] params = new Object[calls.size() * 11];
        int p = 0;
        for (int i = 0; i < calls.size(); i++) {
            StripeCallLog.Call call = calls.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params[p++] = call.organization().id();
            params[p++] = call.objectType();
            params[p++] = call.objectId();
            params[p++] = call.method();
            params[p++] = call.path();
            params[p++] = call.idempotencyKey();
            params[p++] = call.requestId();
            params[p++] = call.status();
            params[p++] = call.latencyMillis();
            params[p++] = call.inTransaction();
            params[p++] = call.occurredAt().atOffset(ZoneOffset.UTC);
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    List<StripeCallLog.Call> about(OrganizationId organization, String objectType, String objectId, int limit) {
        return jdbc.sql("""
                select * from stripe_calls where organization_id = ? and object_id = ? and object_type = ?
                order by id limit ?""")
                .params(organization.id(), objectId, objectType, limit)
                .query((rs, row) -> new StripeCallLog.Call(new OrganizationId(rs.getObject("organization_id",
                        UUID.class)), rs.getString("object_type"), rs.getString("object_id"), rs.getString("method"),
                        rs.getString("path"), rs.getString("idempotency_key"), rs.getString("request_id"),
                        rs.getObject("status", Integer.class), rs.getInt("latency_ms"),
                        rs.getBoolean("in_transaction"), rs.getObject("occurred_at", OffsetDateTime.class)
                        .toInstant()))
                .list();
    }
}
