package dev.paydeck.audit;

import dev.paydeck.customers.CustomerChanged;
import dev.paydeck.organizations.MembershipChanged;
import dev.paydeck.organizations.OrganizationCreated;
import dev.paydeck.organizations.StripeCredentialsChanged;
import dev.paydeck.payments.PaymentChanged;
import dev.paydeck.shared.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The organization's audit log: one append-only line per thing done through Paydeck (payments, refunds,
 * captures, cancellations, customers, Stripe keys, members, API keys), written from the modules' events. A failure
 * to write a line is logged and never undoes or fails the action itself (which may already have moved money).
 */
@Service
public class AuditLog {

    /** One line of the log. */
    public record Entry(long id, OffsetDateTime occurredAt, String actor, String action, String objectType,
                        String objectId, String detail) {
    }

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Entry> recent(OrganizationId organization, String action, Long beforeId, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, action, object_type, object_id, detail from audit_log
                        where organization_id = :organization
                          and (cast(:action as text) is null or action = :action)
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit""")
                .param("organization", organization.id()).param("action", action).param("before", beforeId)
                .param("limit", limit)
                .query(Entry.class).list();
    }

    @EventListener
    void organizationCreated(OrganizationCreated event) {
        write(event.organization(), event.actor(), "organization.created", "organization",
                event.organization().toString(), event.name());
    }

    @EventListener
    void keysChanged(StripeCredentialsChanged event) {
        write(event.organization(), event.actor(), "stripe_keys.replaced", "organization",
                event.organization().toString(), "mode " + event.mode().code());
    }

    @EventListener
    void membership(MembershipChanged event) {
        write(event.organization(), event.actor(), event.action(), event.objectType(), event.objectId(),
                event.detail());
    }

    @EventListener
    void customer(CustomerChanged event) {
        write(event.organization(), event.actor(), event.action(), "customer", event.customer().toString(), null);
    }

    @EventListener
    void payment(PaymentChanged event) {
        write(event.organization(), event.actor(), event.action(), "payment", event.payment().toString(),
                event.detail());
    }

    private void write(OrganizationId organization, String actor, String action, String objectType, String objectId,
            String detail) {
        try {
            jdbc.sql("insert into audit_log (organization_id, actor, action, object_type, object_id, detail) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(organization.id(), actor == null ? "system" : actor, action, objectType, objectId, detail)
                    .update();
        } catch (RuntimeException e) {
            log.error("Could not write the audit line {} {} {} of organization {}", action, objectType, objectId,
                    organization, e);
        }
    }
}
