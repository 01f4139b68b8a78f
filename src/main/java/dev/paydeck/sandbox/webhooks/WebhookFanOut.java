package dev.paydeck.sandbox.webhooks;

import dev.paydeck.sandbox.events.EventRecorder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fan-out of events to webhook endpoints: an event is stored with one delivery per enabled endpoint of its
 * account that subscribes to its type ({@code *} or the type itself), in one statement of the transaction that
 * records the event; so an event is never stored without its deliveries, nor delivered if its change rolls back.
 */
@Component
class WebhookFanOut implements EventRecorder {

    private static final String RECORD = """
            with endpoints as (
                select id from sandbox.objects
                 where account_id = :account and object = 'webhook_endpoint' and data->>'status' = 'enabled'
                   and (data->'enabled_events' @> '["*"]'::jsonb
                        or data->'enabled_events' @> jsonb_build_array(:type::text))),
            event as (
                insert into sandbox.objects (account_id, id, object, created, data)
                values (:account, :id, 'event', :created, :data::jsonb)),
            deliveries as (
                insert into sandbox.webhook_deliveries (account_id, endpoint_id, event_id, next_attempt_at)
                select :account, id, :id, now() from endpoints)
            select count(*) from endpoints""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WebhookFanOut(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public int record(String accountId, ObjectNode event) {
        int deliveries = jdbc.sql(RECORD)
                .param("account", accountId)
                .param("id", event.get("id").asString())
                .param("created", event.get("created").asLong())
                .param("type", event.get("type").asString())
                .param("data", json.writeValueAsString(event))
                .query(Integer.class).single();
        event.put("pending_webhooks", deliveries);
        return deliveries;
    }

    @Override
    public void countPendingWebhooks(String accountId, List<ObjectNode> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Integer> pending = new HashMap<>();
        jdbc.sql("""
                        select event_id, count(*) from sandbox.webhook_deliveries
                         where account_id = ? and event_id = any(?) and status <> 'succeeded'
                         group by event_id""")
                .params(accountId, events.stream().map(event -> event.get("id").asString()).toArray(String[]::new))
                .query(rows -> {
                    pending.put(rows.getString(1), rows.getInt(2));
                });
        events.forEach(event -> event.put("pending_webhooks", pending.getOrDefault(event.get("id").asString(), 0)));
    }
}
