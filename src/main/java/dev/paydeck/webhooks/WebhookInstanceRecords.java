package dev.paydeck.webhooks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The {@code webhook_instances} table (heartbeats) and what it decides in {@code webhook_events}: the claims of an
 * instance that left or went silent. Times are the database's {@code now()}, the one clock all instances share.
 */
@Repository
class WebhookInstanceRecords {

    private final JdbcClient jdbc;

    WebhookInstanceRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** This instance is alive now. */
    void beat(UUID instance, String name) {
        jdbc.sql("""
                        insert into webhook_instances (id, name, started_at, heartbeat_at)
                        values (:id, :name, now(), now())
                        on conflict (id) do update set heartbeat_at = now()""")
                .param("id", instance)
                .param("name", name)
                .update();
    }

    /** Makes what the instance still holds due again at once; answers how many events that was. */
    int releaseClaims(UUID instance) {
        return jdbc.sql("""
                        update webhook_events set next_attempt_at = now(), updated_at = now()
                         where status = 'PROCESSING' and next_attempt_at > now() and claimed_by = :id""")
                .param("id", instance).update();
    }

    void delete(UUID instance) {
        jdbc.sql("delete from webhook_instances where id = ?").param(instance).update();
    }

    /**
     * Makes the claims of other instances without a heartbeat within {@code timeout} due now; answers the owner of
     * each event taken over (once per event).
     */
    List<UUID> takeOverClaimsOfSilentInstances(UUID self, Duration timeout) {
        return jdbc.sql("""
                        update webhook_events e set next_attempt_at = now(), updated_at = now()
                         where e.status = 'PROCESSING' and e.next_attempt_at > now() and e.claimed_by <> :id
                           and not exists (select 1 from webhook_instances i where i.id = e.claimed_by
                                              and i.heartbeat_at > now() - make_interval(secs => :timeout))
                        returning e.claimed_by""")
                .param("id", self).param("timeout", seconds(timeout))
                .query(UUID.class).list();
    }

    /** Forgets the instances without a heartbeat within {@code timeout}. */
    void deleteSilent(Duration timeout) {
        jdbc.sql("delete from webhook_instances where heartbeat_at <= now() - make_interval(secs => :timeout)")
                .param("timeout", seconds(timeout)).update();
    }

    private static double seconds(Duration duration) {
        return (double) duration.toMillis() / 1000;
    }
}
