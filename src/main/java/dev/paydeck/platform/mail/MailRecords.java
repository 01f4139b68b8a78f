package dev.paydeck.platform.mail;

import dev.paydeck.platform.MailAttachment;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code mail_outbox} table. */
@Repository
class MailRecords {

    private static final String COLUMNS = "id, organization_id, to_address, subject, text_body, html_body, "
            + "confidential, status, attempts, last_error, created_at, sent_at";

    private static final RowMapper<OutboxMail> MAIL = (rs, row) -> {
        UUID organization = rs.getObject("organization_id", UUID.class);
        return new OutboxMail(rs.getObject("id", UUID.class),
                organization == null ? null : new OrganizationId(organization), rs.getString("to_address"),
                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                rs.getBoolean("confidential"), rs.getString("status"), rs.getInt("attempts"),
                rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class));
    };

    private final JdbcClient jdbc;

    MailRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the mail unless one with this key is there already; true when kept now. */
    boolean insert(UUID id, String key, OrganizationId organization, String to, String subject, String text,
            String html, boolean confidential, String status, Instant now) {
        return jdbc.sql("""
                        insert into mail_outbox (id, idempotency_key, organization_id, to_address, subject, text_body,
                                                 html_body, confidential, status, created_at, next_attempt_at)
                        values (:id, :key, :organization, :to, :subject, :text, :html, :confidential, :status,
                                :now, case when :status = 'pending' then :now end)
                        on conflict (idempotency_key) do nothing""")
                .param("id", id).param("key", key)
                .param("organization", organization == null ? null : organization.id()).param("to", to)
                .param("subject", subject).param("text", text).param("html", html)
                .param("confidential", confidential).param("status", status).param("now", at(now))
                .update() == 1;
    }

    void insertAttachments(UUID id, List<MailAttachment> attachments) {
        for (int i = 0; i < attachments.size(); i++) {
            MailAttachment attachment = attachments.get(i);
            jdbc.sql("""
                            insert into mail_attachments (mail_id, position, filename, content_type, content)
                            values (?, ?, ?, ?, ?)""")
                    .params(id, i, attachment.filename(), attachment.contentType(), attachment.content()).update();
        }
    }

    List<MailAttachment> attachments(UUID id) {
        return jdbc.sql("select filename, content_type, content from mail_attachments where mail_id = ? "
                        + "order by position")
                .param(id).query((rs, row) -> new MailAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .list();
    }

    /**
     * Takes a due mail to send (pending or failed, its next attempt due), so that no other instance or thread sends it
     * until {@code leaseUntil}; empty if it is not due or someone else has it.
     */
    Optional<OutboxMail> claim(UUID id, Instant now, Instant leaseUntil) {
        return jdbc.sql("update mail_outbox set attempts = attempts + 1, next_attempt_at = :lease "
                        + "where id = :id and status in ('pending', 'failed') and next_attempt_at <= :now "
                        + "returning " + COLUMNS)
                .param("id", id).param("now", at(now)).param("lease", at(leaseUntil))
                .query(MAIL).optional();
    }

    /** Takes up to {@code limit} due mails, as {@link #claim} does one. */
    List<OutboxMail> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, next_attempt_at = :lease
                        where id in (select id from mail_outbox
                                     where status in ('pending', 'failed') and next_attempt_at <= :now
                                     order by next_attempt_at limit :limit for update skip locked)
                        returning\s""" + COLUMNS)
                .param("now", at(now)).param("lease", at(leaseUntil)).param("limit", limit)
                .query(MAIL).list();
    }

    /** Sent: a confidential mail's bodies are not kept from now on. */
    void markSent(UUID id, Instant now) {
        jdbc.sql("""
                        update mail_outbox
                        set status = 'sent', sent_at = :now, last_error = null, next_attempt_at = null,
                            text_body = case when confidential then null else text_body end,
                            html_body = case when confidential then null else html_body end
                        where id = :id""")
                .param("id", id).param("now", at(now)).update();
    }

    void markFailed(UUID id, String error, Instant nextAttempt) {
        jdbc.sql("update mail_outbox set status = 'failed', last_error = :error, next_attempt_at = :next "
                        + "where id = :id")
                .param("id", id).param("error", error).param("next", at(nextAttempt)).update();
    }

    /** Newest first: every mail ({@code all}), or those about these organizations or addressed to this email. */
    List<OutboxMail> recent(boolean all, Collection<OrganizationId> organizations, String email, int limit) {
        Object[] ids = organizations.stream().map(OrganizationId::id).toArray();
        return jdbc.sql("select " + COLUMNS + " from mail_outbox "
                        + "where :all or organization_id = any(:organizations::uuid[]) "
                        + "or lower(to_address) = lower(:email) order by created_at desc, id limit :limit")
                .param("all", all).param("organizations", new AbstractSqlTypeValue() {
                    @Override
                    protected Object createTypeValue(Connection connection, int sqlType, String typeName)
                            throws SQLException {
                        return connection.createArrayOf("uuid", ids);
                    }
                }).param("email", email).param("limit", limit)
                .query(MAIL).list();
    }

    Optional<OutboxMail> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where id = ?").param(id).query(MAIL).optional();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
