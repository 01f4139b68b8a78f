package dev.paydeck.webhooks;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code webhook_resyncs} table: resyncs started from the page, their progress and reports. */
@Repository
class ResyncRunRecords {

    private static final TypeReference<List<StripeResync.Report>> REPORTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ResyncRunRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records a new running resync; false when one is running already for the organization. A running one that has
     * not moved for {@code staleAfter} (its instance stopped) is marked failed first.
     */
    boolean start(OrganizationId organization, UUID id, String startedBy, int parts, Duration staleAfter) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update webhook_resyncs set status = 'failed', error = 'interrupted', finished_at = :now,
                    updated_at = :now
                where organization_id = :organization and status = 'running' and updated_at < :stale""")
                .param("now", now).param("organization", organization.id()).param("stale", now.minus(staleAfter))
                .update();
        return jdbc.sql("""
                insert into webhook_resyncs (organization_id, id, status, started_by, parts_total, started_at,
                    updated_at)
                values (?, ?, 'running', ?, ?, ?, ?) on conflict do nothing""")
                .params(organization.id(), id, startedBy, parts, now, now).update() == 1;
    }

    void progress(OrganizationId organization, UUID id, String currentPart, List<StripeResync.Report> reports) {
        jdbc.sql("""
                update webhook_resyncs set current_part = ?, parts_done = ?, reports = ?::jsonb, updated_at = ?
                where organization_id = ? and id = ? and status = 'running'""")
                .params(currentPart, reports.size(), json.writeValueAsString(reports), OffsetDateTime.now(clock),
                        organization.id(), id)
                .update();
    }

    void finish(OrganizationId organization, UUID id, List<StripeResync.Report> reports, String error) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                update webhook_resyncs set status = ?, current_part = null, parts_done = ?, reports = ?::jsonb,
                    error = ?, finished_at = ?, updated_at = ?
                where organization_id = ? and id = ?""")
                .params(error == null ? "done" : "failed", reports.size(), json.writeValueAsString(reports), error,
                        now, now, organization.id(), id)
                .update();
    }

    Optional<ResyncRun> find(OrganizationId organization, UUID id) {
        return jdbc.sql("select * from webhook_resyncs where organization_id = ? and id = ?")
                .params(organization.id(), id).query(this::run).optional();
    }

    Optional<ResyncRun> running(OrganizationId organization) {
        return jdbc.sql("select * from webhook_resyncs where organization_id = ? and status = 'running'")
                .params(organization.id()).query(this::run).optional();
    }

    Optional<ResyncRun> latest(OrganizationId organization) {
        return jdbc.sql("select * from webhook_resyncs where organization_id = ? order by started_at desc limit 1")
                .params(organization.id()).query(this::run).optional();
    }

    private ResyncRun run(ResultSet rs, int row) throws SQLException {
        return new ResyncRun(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("started_by"),
                rs.getString("current_part"), rs.getInt("parts_done"), rs.getInt("parts_total"),
                json.readValue(rs.getString("reports"), REPORTS), rs.getString("error"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
    }
}
