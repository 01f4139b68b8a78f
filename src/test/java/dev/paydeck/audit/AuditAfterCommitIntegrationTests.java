package dev.paydeck.audit;

import dev.paydeck.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit log is written after commit, from the event publication registry: when writing a line fails, the payment
 * it tells of stays committed, and the line is written later, when the registry delivers the event again.
 */
class AuditAfterCommitIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private UUID broken;

    @AfterEach
    void mendTheAuditLog() {
        jdbc.sql("drop trigger if exists audit_log_broken on audit_log").update();
        jdbc.sql("drop function if exists audit_log_broken()").update();
    }

    @Test
    void anAuditFailureLeavesThePaymentCommittedAndTheLineIsWrittenLater() {
        Person owner = signUp("Audited later");
        String organization = createOrganization(owner, "Audit broken", null).get("id").asString();
        String key = apiKey(owner, organization, "admin");
        broken = UUID.fromString(organization);
        // The audit log of this organization refuses every line, as a full disk or a broken table would.
        jdbc.sql("""
                create or replace function audit_log_broken() returns trigger language plpgsql as $$
                begin
                    if new.organization_id = '%s' then raise exception 'the audit log is broken'; end if;
                    return new;
                end $$""".formatted(broken)).update();
        jdbc.sql("create trigger audit_log_broken before insert on audit_log for each row "
                + "execute function audit_log_broken()").update();

        var created = call("POST", "/api/v1/payment-intents", key, "{\"amount\":2000,\"currency\":\"usd\","
                + "\"payment_method\":\"pm_card_visa\",\"confirm\":true}");

        assertThat(created.statusCode()).isEqualTo(201);
        String payment = json(created).at("/payment/id").asString();
        assertThat(json(call("GET", "/api/v1/payment-intents/" + payment, key, null)).at("/payment/status")
                .asString()).isEqualTo("succeeded");
        await().atMost(Duration.ofSeconds(10)).until(() -> waiting(payment) == 1);
        assertThat(lines(payment)).isZero();

        mendTheAuditLog();

        await().atMost(Duration.ofSeconds(40)).until(() -> lines(payment) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> waiting(payment) == 0);
        var log = json(call("GET", "/api/v1/audit-log?action=payment.created", owner.token(), null)).get("data");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("object_id").asString()).isEqualTo(payment);
    }

    /** Publications of the payment's events not completed yet. */
    private long waiting(String payment) {
        return jdbc.sql("select count(*) from event_publication where completion_date is null "
                        + "and listener_id like '%AuditLog%' and serialized_event like ?")
                .param("%" + payment + "%").query(Long.class).single();
    }

    private long lines(String payment) {
        return jdbc.sql("select count(*) from audit_log where organization_id = ? and object_id = ? "
                        + "and action = 'payment.created'")
                .params(broken, payment).query(Long.class).single();
    }
}
