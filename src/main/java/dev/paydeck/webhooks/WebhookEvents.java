package dev.paydeck.webhooks;

import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.stereotype.Repository;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code webhook_events} table: the event store and, through its status, the processing queue. Workers claim
 * due events with {@code FOR UPDATE SKIP LOCKED}, counting the attempt and leasing the row in the same statement,
 * so two instances never process the same attempt, and an event whose instance died mid-processing is taken again
 * once its lease has run out, or sooner once its heartbeat stopped ({@link WebhookInstances}). Every finishing update
 * names the attempt it finishes, so a worker that lost its lease cannot overwrite the outcome of the one that took
 * over. Unlike business time (the injected {@code Clock}), the queue's times — leases, retries, when an event arrived
 * — are the database's {@code now()}: the one clock every instance shares, so that one instance's clock running fast
 * can never take another's lease early.
 */
@Repository
class WebhookEvents {

    /** A stored event as the API lists it. */
    record Stored(UUID id, String stripeEventId, String type, String objectId, long created, boolean livemode,
                  String status, int attempts, String lastError, OffsetDateTime receivedAt,
                  OffsetDateTime processedAt, OffsetDateTime nextAttemptAt) {
    }

    /** Filters of the event list; null = any. */
    record Query(String type, String status, OffsetDateTime receivedFrom, OffsetDateTime receivedBefore, int limit,
                 UUID startingAfter) {
    }

    private static final String COLUMNS = "id, stripe_event_id, type, object_id, created, livemode, status, "
            + "attempts, last_error, received_at, processed_at, next_attempt_at";

    private final JdbcClient jdbc;

    WebhookEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A verified event to store, with the id Paydeck gives it. */
    record NewEvent(OrganizationId organization, UUID id, String stripeEventId, String type, String objectId,
                    long created, boolean livemode, String payload) {
    }

    /**
     * Stores verified events as due for processing, in one statement; returns the ids of those stored. An event the
     * organization has already (a redelivery, or the same event twice among these) is left out.
     */
    Set<UUID> insertAll(List<NewEvent> events) {
        int size = events.size();
        UUID[] organizations = new UUID[size];
        UUID[] ids = new UUID[size];
        String[] stripeEventIds = new String[size];
        String[] types = new String[size];
        String[] objectIds = new String[size];
        Long[] created = new Long[size];
        Boolean[] livemode = new Boolean[size];
        String[] payloads = new String[size];
        for (int i = 0; i < size; i++) {
            NewEvent event = events.get(i);
            organizations[i] = event.organization().id();
            ids[i] = event.id();
            stripeEventIds[i] = event.stripeEventId();
            types[i] = event.type();
            objectIds[i] = event.objectId();
            created[i] = event.created();
            livemode[i] = event.livemode();
            payloads[i] = event.payload();
        }
        // One statement text whatever the number of events (arrays, not a VALUES row each), so it is prepared once.
        return new HashSet<>(jdbc.sql("""
                        insert into webhook_events (organization_id, id, stripe_event_id, type, object_id, created,
                            livemode, payload, status, next_attempt_at)
                        select e.organization_id, e.id, e.stripe_event_id, e.type, e.object_id, e.created,
                               e.livemode, e.payload, 'RECEIVED', now()
                          from unnest(:organizations::uuid[], :ids::uuid[], :stripeEventIds::text[],
                                      :types::text[], :objectIds::text[], :created::bigint[], :livemode::boolean[],
                                      :payloads::text[])
                               as e(organization_id, id, stripe_event_id, type, object_id, created, livemode,
                                    payload)
                        on conflict (organization_id, stripe_event_id) do nothing
                        returning id""")
                .param("organizations", array("uuid", organizations))
                .param("ids", array("uuid", ids))
                .param("stripeEventIds", array("text", stripeEventIds))
                .param("types", array("text", types))
                .param("objectIds", array("text", objectIds))
                .param("created", array("int8", created))
                .param("livemode", array("bool", livemode))
                .param("payloads", array("text", payloads))
                .query(UUID.class).list());
    }

    /** A PostgreSQL array parameter of the given element type. */
    private static SqlTypeValue array(String elementType, Object[] values) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, String typeName)
                    throws SQLException {
                return connection.createArrayOf(elementType, values);
            }
        };
    }

    /**
     * Claims up to {@code limit} due events for {@code instance} (see {@link WebhookInstances}, which takes the claims
     * of a dead instance over before their lease runs out).
     */
    List<StripeEventReceived> claimDue(int limit, Duration lease, UUID instance) {
        return jdbc.sql("""
                        update webhook_events e
                           set status = 'PROCESSING', attempts = e.attempts + 1, updated_at = now(),
                               next_attempt_at = now() + make_interval(secs => :lease), claimed_by = :instance
                         where (e.organization_id, e.id) in (
                               select organization_id, id from webhook_events
                                where status in ('RECEIVED', 'PROCESSING') and next_attempt_at <= now()
                                order by next_attempt_at, created
                                limit :limit
                                for update skip locked)
                        returning e.organization_id, e.id, e.stripe_event_id, e.type, e.object_id, e.created,
                                  e.livemode, e.payload, e.attempts""")
                .param("lease", (double) lease.toMillis() / 1000)
                .param("limit", limit)
                .param("instance", instance)
                .query((rs, row) -> new StripeEventReceived(new OrganizationId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), rs.getBoolean(7), rs.getString(8), rs.getInt(9)))
                .list();
    }

    /** PROCESSED or IGNORED; false when this attempt no longer holds the event (its lease ran out). */
    boolean finish(StripeEventReceived claim, String status) {
        return finishAll(Map.of(claim, status)) == 1;
    }

    /**
     * Marks each event PROCESSED or IGNORED, in one statement; answers how many this instance still held (fewer than
     * given when a lease ran out). "Still PROCESSING" is written as "none of the other statuses": with
     * {@code status = 'PROCESSING'} the planner may walk the whole queue through its partial index to find the rows
     * (under a backlog of tens of thousands of events, every finish did), instead of taking them by primary key.
     */
    int finishAll(Map<StripeEventReceived, String> outcomes) {
        int size = outcomes.size();
        UUID[] organizations = new UUID[size];
        UUID[] ids = new UUID[size];
        Integer[] attempts = new Integer[size];
        String[] statuses = new String[size];
        int i = 0;
        for (Map.Entry<StripeEventReceived, String> outcome : outcomes.entrySet()) {
            organizations[i] = outcome.getKey().organization().id();
            ids[i] = outcome.getKey().id();
            attempts[i] = outcome.getKey().attempt();
            statuses[i++] = outcome.getValue();
        }
        return jdbc.sql("""
                        update webhook_events e set status = f.status, processed_at = now(), last_error = null,
                               next_attempt_at = null, updated_at = now()
                          from unnest(:organizations::uuid[], :ids::uuid[], :attempts::int[], :statuses::text[])
                               as f(organization_id, id, attempts, status)
                         where e.organization_id = f.organization_id and e.id = f.id
                           and e.status not in ('RECEIVED', 'PROCESSED', 'FAILED', 'IGNORED')
                           and e.attempts = f.attempts""")
                .param("organizations", array("uuid", organizations))
                .param("ids", array("uuid", ids))
                .param("attempts", array("int4", attempts))
                .param("statuses", array("text", statuses))
                .update();
    }

    /** The attempt failed: due again after {@code retryIn}, or (null) {@code FAILED} for good, error kept. */
    void attemptFailed(StripeEventReceived claim, String error, Duration retryIn) {
        jdbc.sql("""
                        update webhook_events
                           set status = case when :retry::float8 is null then 'FAILED' else 'RECEIVED' end,
                               next_attempt_at = case when :retry::float8 is null then null
                                   else now() + make_interval(secs => :retry::float8) end,
                               last_error = :error, updated_at = now()
                         where organization_id = :organization and id = :id
                           and status not in ('RECEIVED', 'PROCESSED', 'FAILED', 'IGNORED')
                           and attempts = :attempt""")
                .param("retry", retryIn == null ? null : (double) retryIn.toMillis() / 1000)
                .param("error", error).param("organization", claim.organization().id())
                .param("id", claim.id()).param("attempt", claim.attempt())
                .update();
    }

    /** Makes a finished event due again, with a fresh count of attempts; false if there is no such event. */
    boolean replay(OrganizationId organization, UUID id) {
        return jdbc.sql("""
                        update webhook_events set status = 'RECEIVED', attempts = 0, next_attempt_at = now(),
                               updated_at = now()
                         where organization_id = ? and id = ? and status in ('FAILED', 'PROCESSED', 'IGNORED')""")
                .params(organization.id(), id).update() == 1;
    }

    /** How many of the organization's events are in each status. */
    java.util.Map<String, Long> countsByStatus(OrganizationId organization) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String status : new String[] {"RECEIVED", "PROCESSING", "PROCESSED", "FAILED", "IGNORED"}) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from webhook_events where organization_id = ? group by status")
                .param(organization.id())
                .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    int replayFailed(OrganizationId organization) {
        return jdbc.sql("""
                        update webhook_events set status = 'RECEIVED', attempts = 0, next_attempt_at = now(),
                               updated_at = now()
                         where organization_id = ? and status = 'FAILED'""")
                .params(organization.id()).update();
    }

    Optional<Stored> find(OrganizationId organization, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_events where organization_id = ? and id = ?")
                .params(organization.id(), id).query(this::stored).optional();
    }

    Optional<String> payload(OrganizationId organization, UUID id) {
        return jdbc.sql("select payload from webhook_events where organization_id = ? and id = ?")
                .params(organization.id(), id).query(String.class).optional();
    }

    List<Stored> list(OrganizationId organization, Query query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS
                + " from webhook_events where organization_id = :organization");
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        if (query.type() != null) {
            sql.append(" and type = :type");
            params.put("type", query.type());
        }
        if (query.status() != null) {
            sql.append(" and status = :status");
            params.put("status", query.status());
        }
        if (query.receivedFrom() != null) {
            sql.append(" and received_at >= :from");
            params.put("from", query.receivedFrom());
        }
        if (query.receivedBefore() != null) {
            sql.append(" and received_at < :before");
            params.put("before", query.receivedBefore());
        }
        if (query.startingAfter() != null) {
            sql.append(" and (received_at, id) < (select received_at, id from webhook_events "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", query.startingAfter());
        }
        sql.append(" order by received_at desc, id desc limit :limit");
        params.put("limit", query.limit());
        return jdbc.sql(sql.toString()).params(params).query(this::stored).list();
    }

    /** The events about these Stripe objects (their {@code data.object} ids), in the order Stripe made them. */
    List<Stored> about(OrganizationId organization, java.util.Collection<String> objectIds, int limit) {
        if (objectIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from webhook_events where organization_id = ? and object_id = any(?) "
                        + "order by created, received_at, id limit ?")
                .params(organization.id(), objectIds.toArray(String[]::new), limit).query(this::stored).list();
    }

    /** Events waiting to be processed, for the backlog gauge. */
    long backlog() {
        return jdbc.sql("select count(*) from webhook_events where status in ('RECEIVED', 'PROCESSING')")
                .query(Long.class).single();
    }

    /** When the organization's newest event arrived (null: never), and how many of its events failed for good. */
    WebhookHealth health(OrganizationId organization) {
        return jdbc.sql("""
                select (select max(received_at) from webhook_events where organization_id = :organization) as latest,
                       (select count(*) from webhook_events where organization_id = :organization
                            and status = 'FAILED') as failed,
                       (select count(*) from webhook_events where organization_id = :organization
                            and status in ('RECEIVED', 'PROCESSING')) as waiting""")
                .param("organization", organization.id())
                .query((rs, row) -> new WebhookHealth(rs.getObject("latest", OffsetDateTime.class),
                        rs.getLong("failed"), rs.getLong("waiting")))
                .single();
    }

    private Stored stored(ResultSet rs, int row) throws SQLException {
        return new Stored(rs.getObject("id", UUID.class), rs.getString("stripe_event_id"), rs.getString("type"),
                rs.getString("object_id"), rs.getLong("created"), rs.getBoolean("livemode"), rs.getString("status"),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("received_at", OffsetDateTime.class),
                rs.getObject("processed_at", OffsetDateTime.class),
                rs.getObject("next_attempt_at", OffsetDateTime.class));
    }
}
