package dev.paydeck.audit;

import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.List;

/** The {@code audit_log} table: appended to, never updated; every query is scoped to one organization. */
@Repository
class AuditRecords {

    private final JdbcClient jdbc;

    AuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Newest first, by when each thing was done; {@code action} and {@code beforeId} (the last line of the previous
     * page) are optional (null = any).
     */
    List<AuditLog.Entry> recent(OrganizationId organization, String action, Long beforeId, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, object_type, object_id, detail from audit_log
                        where organization_id = :organization
                          and (cast(:action as text) is null or action = :action)
                          and (cast(:before as bigint) is null or (occurred_at, id) < (select occurred_at, id
                              from audit_log where organization_id = :organization and id = :before))
                        order by occurred_at desc, id desc limit :limit""")
                .param("organization", organization.id()).param("action", action).param("before", beforeId)
                .param("limit", limit)
                .query(AuditLog.Entry.class).list();
    }

    List<AuditLog.Entry> search(OrganizationId organization, AuditLog.Filter filter, Long beforeId, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, object_type, object_id, detail from audit_log
                        where organization_id = :organization
                          and (cast(:action as text) is null or action = :action)
                          and (cast(:type as text) is null or object_type = :type)
                          and (cast(:actor as text) is null or actor = :actor)
                          and (cast(:from as timestamptz) is null or occurred_at >= :from)
                          and (cast(:to as timestamptz) is null or occurred_at < :to)
                          and (cast(:before as bigint) is null or (occurred_at, id) < (select occurred_at, id
                              from audit_log where organization_id = :organization and id = :before))
                        order by occurred_at desc, id desc limit :limit""")
                .param("organization", organization.id()).param("action", filter.action())
                .param("type", filter.objectType()).param("actor", filter.actor())
                .param("from", filter.from()).param("to", filter.to()).param("before", beforeId)
                .param("limit", limit)
                .query(AuditLog.Entry.class).list();
    }

    List<String> actions(OrganizationId organization) {
        return jdbc.sql("select distinct action from audit_log where organization_id = ? limit 500")
                .param(organization.id()).query(String.class).list();
    }

    List<String> objectTypes(OrganizationId organization) {
        return jdbc.sql("select distinct object_type from audit_log where organization_id = ? limit 100")
                .param(organization.id()).query(String.class).list();
    }

    List<String> actors(OrganizationId organization) {
        return jdbc.sql("select distinct actor from audit_log where organization_id = ? order by actor limit 500")
                .param(organization.id()).query(String.class).list();
    }

    /**
     * Appends a line, one statement that commits on its own (the listener runs outside a transaction). An event
     * delivered again after its line was written (its publication not yet deleted, say after a crash in between)
     * finds the line there: each event's line is written once.
     */
    void append(OrganizationId organization, String actor, String action, String objectType, String objectId,
            String detail, OffsetDateTime occurredAt) {
        jdbc.sql("insert into audit_log (organization_id, actor, action, object_type, object_id, detail, occurred_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(organization.id(), actor, action, objectType, objectId, detail, occurredAt)
                .update();
    }
}
