package dev.paydeck.sandbox.webhooks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The delivery queue ({@code sandbox.webhook_deliveries}) and the attempts made ({@code sandbox.webhook_attempts}).
 * A worker claims due deliveries with {@code FOR UPDATE SKIP LOCKED} and, in the same statement, counts the attempt
 * and leases the row until the attempt must be over; so two instances never make the same attempt, and a delivery
 * whose instance died mid-attempt is tried again once the lease has run out.
 */
@Repository
public class WebhookDeliveries {

    /** A delivery as the sandbox's pages show it, with its event's type and its latest attempt. */
    public record Delivery(long id, String endpointId, String eventId, String eventType, String status, int attempts,
                           OffsetDateTime nextAttemptAt, Integer lastStatusCode, String lastError,
                           OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    /** One attempt to send a delivery. */
    public record Attempt(long deliveryId, String eventId, String eventType, int attempt, Integer statusCode,
                          String error, long durationMs, OffsetDateTime createdAt, String deliveryStatus,
                          OffsetDateTime nextAttemptAt) {
    }

    /**
     * A delivery this instance has claimed: it makes attempt number {@code attempt} now. With the stored JSON of its
     * endpoint and of its event (with {@code pending_webhooks} counted), read in the claiming statement (null when
     * deleted meanwhile).
     */
    record Claim(long id, String accountId, String endpointId, String eventId, int attempt, String endpoint,
                 String event) {
    }

    /**
     * Parameters: the events' ids, types, times and documents (arrays), the account, then the deliveries' events and
     * endpoints (arrays), the account, their attempt count and their delay before being due (seconds).
     */
    private static final String STORE_EVENTS = """
            with event as (
                select e.id, e.type, e.created, e.data, e.n
                  from unnest(?::text[], ?::text[], ?::bigint[], ?::text[]) with ordinality
                       as e(id, type, created, data, n)),
            stored as (
                insert into sandbox.objects (account_id, id, object, created, data)
                select ?, id, 'event', created, data::jsonb from event order by n)
            insert into sandbox.webhook_deliveries (account_id, endpoint_id, event_id, attempts, next_attempt_at)
            select ?, d.endpoint_id, d.event_id, ?, now() + make_interval(secs => ?)
              from unnest(?::text[], ?::text[]) with ordinality as d(event_id, endpoint_id, n)
             order by d.n
            returning id, event_id, endpoint_id""";

    /** An enabled endpoint of an account: the events it subscribes to, and its stored JSON. */
    record Endpoint(String id, List<String> enabledEvents, String json) {

        boolean subscribesTo(String type) {
            return enabledEvents.contains("*") || enabledEvents.contains(type);
        }
    }

    /** A delivery to make: an event to an endpoint. */
    record Planned(String eventId, String endpointId) {
    }

        private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    WebhookDeliveries(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The account's enabled endpoints, with the events each subscribes to. */
    List<Endpoint> enabledEndpoints(String accountId, JsonMapper json) {
        return jdbc.sql("""
                        select id, data::text from sandbox.objects
                         where account_id = ? and object = 'webhook_endpoint' and data->>'status' = 'enabled'""")
                .params(accountId)
                .query((rs, row) -> {
                    String data = rs.getString(2);
                    List<String> events = new ArrayList<>();
                    json.readTree(data).path("enabled_events").forEach(type -> events.add(type.asString()));
                    return new Endpoint(rs.getString(1), events, data);
                })
                .list();
    }

    /**
     * Stores the events (ids, types, times and JSON documents, in order) with their deliveries, in one statement
     * ({@link WebhookFanOut}). Deliveries {@code claimedFor} a lease are stored as this instance's first attempt, due
     * again only once the lease has run out (the instance sends them itself after the commit); the others are due
     * now, for any instance to claim. The deliveries' ids, by planned delivery.
     */
    Map<Planned, Long> storeEvents(String accountId, String[] ids, String[] types, Long[] created, String[] data,
            List<Planned> planned, Duration claimedFor) {
        String[] deliveryEvents = planned.stream().map(Planned::eventId).toArray(String[]::new);
        String[] deliveryEndpoints = planned.stream().map(Planned::endpointId).toArray(String[]::new);
        Map<Planned, Long> stored = new HashMap<>();
        jdbc.sql(STORE_EVENTS)
                .params(ids, types, created, data, accountId, accountId, claimedFor == null ? 0 : 1,
                        claimedFor == null ? 0.0 : (double) claimedFor.toMillis() / 1000, deliveryEvents,
                        deliveryEndpoints)
                .query(rows -> {
                    stored.put(new Planned(rows.getString(2), rows.getString(3)), rows.getLong(1));
                });
        return stored;
    }

    /** How many deliveries of each of these events have not succeeded yet (events without any are left out). */
    Map<String, Integer> pendingByEvent(String accountId, String[] eventIds) {
        Map<String, Integer> pending = new HashMap<>();
        jdbc.sql("""
                        select event_id, count(*) from sandbox.webhook_deliveries
                         where account_id = ? and event_id = any(?) and status <> 'succeeded'
                         group by event_id""")
                .params(accountId, eventIds)
                .query(rows -> {
                    pending.put(rows.getString(1), rows.getInt(2));
                });
        return pending;
    }

    void create(String accountId, String endpointId, String eventId) {
        jdbc.sql("insert into sandbox.webhook_deliveries (account_id, endpoint_id, event_id, next_attempt_at) "
                        + "values (?, ?, ?, now())")
                .params(accountId, endpointId, eventId).update();
    }

    List<Claim> claimDue(int limit, Duration lease) {
        return jdbc.sql("""
                        with claimed as (
                            update sandbox.webhook_deliveries d
                               set attempts = d.attempts + 1,
                                   next_attempt_at = now() + make_interval(secs => :lease),
                                   updated_at = now()
                             where d.id in (select id from sandbox.webhook_deliveries
                                             where status = 'pending' and next_attempt_at <= now()
                                             order by next_attempt_at, id
                                             limit :limit
                                             for update skip locked)
                            returning d.id, d.account_id, d.endpoint_id, d.event_id, d.attempts)
                        select c.id, c.account_id, c.endpoint_id, c.event_id, c.attempts,
                               e.data::text as endpoint,
                               jsonb_set(v.data, '{pending_webhooks}', to_jsonb(
                                   (select count(*) from sandbox.webhook_deliveries p
                                     where p.account_id = c.account_id and p.event_id = c.event_id
                                       and p.status <> 'succeeded')))::text as event
                          from claimed c
                          left join sandbox.objects e on e.account_id = c.account_id and e.id = c.endpoint_id
                                                     and e.object = 'webhook_endpoint'
                          left join sandbox.objects v on v.account_id = c.account_id and v.id = c.event_id""")
                .param("lease", (double) lease.toMillis() / 1000)
                .param("limit", limit)
                .query((rs, row) -> new Claim(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** A delivery the endpoint answered with a 2xx, to be recorded. */
    record Delivered(Claim claim, int statusCode, long durationMs) {
    }

    /**
     * The endpoints answered 2xx: these deliveries are done, each with its attempt recorded (so its event has one
     * webhook fewer pending), all in one statement. The rows are found by their ids ({@code status <> …} rather
     * than {@code status = 'pending'}, which would let the planner walk the whole queue through its partial index:
     * under a backlog of thousands, a statement took milliseconds).
     */
    void succeeded(List<Delivered> delivered) {
        int size = delivered.size();
        Long[] ids = new Long[size];
        String[] accounts = new String[size];
        Integer[] attempts = new Integer[size];
        Integer[] statuses = new Integer[size];
        Long[] durations = new Long[size];
        for (int i = 0; i < size; i++) {
            Delivered one = delivered.get(i);
            ids[i] = one.claim().id();
            accounts[i] = one.claim().accountId();
            attempts[i] = one.claim().attempt();
            statuses[i] = one.statusCode();
            durations[i] = one.durationMs();
        }
        jdbc.sql("""
                        with done as (
                            select * from unnest(:ids::bigint[], :accounts::text[], :attempts::integer[],
                                                 :statuses::integer[], :durations::bigint[])
                                as d(id, account_id, attempt, status_code, duration_ms)),
                        attempt as (
                            insert into sandbox.webhook_attempts (delivery_id, account_id, attempt, status_code,
                                                                  duration_ms)
                            select id, account_id, attempt, status_code, duration_ms from done)
                        update sandbox.webhook_deliveries w
                           set status = 'succeeded', last_status_code = d.status_code, last_error = null,
                               next_attempt_at = null, updated_at = now()
                          from done d
                         where w.id = any(:ids::bigint[]) and w.id = d.id and w.attempts = d.attempt
                           and w.status not in ('succeeded', 'failed')""")
                .param("ids", ids)
                .param("accounts", accounts)
                .param("attempts", attempts)
                .param("statuses", statuses)
                .param("durations", durations)
                .update();
    }

    /** The attempt failed: try again after {@code retryIn}, or (empty) give up. */
    void attemptFailed(Claim claim, Integer statusCode, String error, long durationMs, Duration retryIn) {
        transactions.executeWithoutResult(status -> {
            recordAttempt(claim, statusCode, error, durationMs);
            if (retryIn == null) {
                jdbc.sql("""
                                update sandbox.webhook_deliveries
                                   set status = 'failed', last_status_code = ?, last_error = ?,
                                       next_attempt_at = null, updated_at = now()
                                 where id = ? and status = 'pending' and attempts = ?""")
                        .params(statusCode, error, claim.id(), claim.attempt()).update();
            } else {
                jdbc.sql("""
                                update sandbox.webhook_deliveries
                                   set last_status_code = ?, last_error = ?, updated_at = now(),
                                       next_attempt_at = now() + make_interval(secs => ?)
                                 where id = ? and status = 'pending' and attempts = ?""")
                        .params(statusCode, error, (double) retryIn.toMillis() / 1000, claim.id(), claim.attempt())
                        .update();
            }
        });
    }

    /** Not sent at all (the endpoint was deleted or disabled meanwhile): failed, without an attempt. */
    void abandon(Claim claim, String reason) {
        jdbc.sql("""
                        update sandbox.webhook_deliveries
                           set status = 'failed', attempts = attempts - 1, last_error = ?, next_attempt_at = null,
                               updated_at = now()
                         where id = ? and status = 'pending' and attempts = ?""")
                .params(reason, claim.id(), claim.attempt()).update();
    }

    /** Pending deliveries to a deleted endpoint will never be made. */
    void abandonAll(String accountId, String endpointId, String reason) {
        jdbc.sql("""
                        update sandbox.webhook_deliveries
                           set status = 'failed', last_error = ?, next_attempt_at = null, updated_at = now()
                         where account_id = ? and endpoint_id = ? and status = 'pending'""")
                .params(reason, accountId, endpointId).update();
    }

    private void recordAttempt(Claim claim, Integer statusCode, String error, long durationMs) {
        jdbc.sql("insert into sandbox.webhook_attempts (delivery_id, account_id, attempt, status_code, error, "
                        + "duration_ms) values (?, ?, ?, ?, ?, ?)")
                .params(claim.id(), claim.accountId(), claim.attempt(), statusCode, error, durationMs).update();
    }

    /** Deliveries with the type of their event, for the queries below to filter and order. */
    private static final String DELIVERIES = """
            select d.id, d.endpoint_id, d.event_id, o.data->>'type' as event_type, d.status, d.attempts,
                   d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.updated_at
              from sandbox.webhook_deliveries d
              left join sandbox.objects o on o.account_id = d.account_id and o.id = d.event_id
            """;

    /** The latest deliveries to an endpoint, newest first. */
    public List<Delivery> recent(String accountId, String endpointId, int limit) {
        return jdbc.sql(DELIVERIES + """
                         where d.account_id = ? and d.endpoint_id = ?
                         order by d.id desc limit ?""")
                .params(accountId, endpointId, limit).query(Delivery.class).list();
    }

    /** The deliveries of one event, to every endpoint. */
    public List<Delivery> ofEvent(String accountId, String eventId) {
        return jdbc.sql(DELIVERIES + """
                         where d.account_id = ? and d.event_id = ?
                         order by d.id""")
                .params(accountId, eventId).query(Delivery.class).list();
    }

    /** The latest attempts to an endpoint, newest first, with their delivery's state (next retry). */
    public List<Attempt> recentAttempts(String accountId, String endpointId, int limit) {
        return jdbc.sql("""
                        select a.delivery_id, d.event_id, o.data->>'type' as event_type, a.attempt, a.status_code, a.error,
                               a.duration_ms, a.created_at, d.status as delivery_status,
                               case when d.status = 'pending' then d.next_attempt_at end as next_attempt_at
                          from sandbox.webhook_attempts a
                          join sandbox.webhook_deliveries d on d.id = a.delivery_id
                          left join sandbox.objects o on o.account_id = d.account_id and o.id = d.event_id
                         where a.account_id = ? and d.endpoint_id = ?
                         order by a.id desc limit ?""")
                .params(accountId, endpointId, limit).query(Attempt.class).list();
    }

    /** Deliveries waiting for their first attempt (not yet in the attempts list). */
    public List<Delivery> waiting(String accountId, String endpointId) {
        return jdbc.sql(DELIVERIES + """
                         where d.account_id = ? and d.endpoint_id = ? and d.status = 'pending' and d.attempts = 0
                         order by d.id desc limit 20""")
                .params(accountId, endpointId).query(Delivery.class).list();
    }
}
