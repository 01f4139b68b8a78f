package dev.paydeck.billing;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The {@code credit_notes} table; every query is scoped to one organization. */
@Repository
class CreditNoteRecords {

    private final JdbcClient jdbc;
    private final Clock clock;

    CreditNoteRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insertPending(OrganizationId organization, CreditNoteId id, InvoiceId invoice, Money amount, String reason,
            String memo, boolean refunded) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into credit_notes (organization_id, id, invoice_id, currency, amount, reason, memo, status,
                    refunded, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)""")
                .params(organization.id(), id.id(), invoice.id(), amount.stripeCurrency(), amount.minor(), reason,
                        memo, refunded, now, now).update();
    }

    void markUnknown(OrganizationId organization, CreditNoteId id) {
        jdbc.sql("update credit_notes set status = 'unknown', updated_at = ? where organization_id = ? and id = ?")
                .params(OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    void remove(OrganizationId organization, CreditNoteId id) {
        jdbc.sql("delete from credit_notes where organization_id = ? and id = ? and status = 'pending'")
                .params(organization.id(), id.id()).update();
    }

    void apply(OrganizationId organization, CreditNoteId id, com.stripe.model.CreditNote stripe) {
        jdbc.sql("""
                update credit_notes set stripe_credit_note_id = ?, number = ?, status = ?, updated_at = ?
                where organization_id = ? and id = ?""")
                .params(stripe.getId(), stripe.getNumber(), "void".equals(stripe.getStatus()) ? "void" : "issued",
                        OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    List<dev.paydeck.shared.mirror.Unresolved.Claimed<CreditNoteId>> claimUnresolved(long olderThanSeconds,
            int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update credit_notes set updated_at = :now where (organization_id, id) in (
                    select organization_id, id from credit_notes
                    where status in ('pending', 'unknown') and updated_at < :now - make_interval(secs => :older)
                    order by updated_at limit :limit for update skip locked)
                returning organization_id, id""")
                .param("now", now).param("older", olderThanSeconds).param("limit", limit)
                .query((rs, row) -> new dev.paydeck.shared.mirror.Unresolved.Claimed<>(
                        new OrganizationId(rs.getObject(1, UUID.class)), new CreditNoteId(rs.getObject(2, UUID.class))))
                .list();
    }

    java.util.Optional<CreditNote> find(OrganizationId organization, CreditNoteId id) {
        return jdbc.sql("select * from credit_notes where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(CreditNoteRecords::row).optional();
    }

    /** What the invoice's credit notes give back (void ones aside), unresolved ones included. */
    long credited(OrganizationId organization, InvoiceId invoice) {
        return jdbc.sql("select coalesce(sum(amount), 0) from credit_notes where organization_id = ? "
                        + "and invoice_id = ? and status <> 'void'")
                .params(organization.id(), invoice.id()).query(Long.class).single();
    }

    List<CreditNote> ofInvoice(OrganizationId organization, InvoiceId invoice) {
        return jdbc.sql("select * from credit_notes where organization_id = ? and invoice_id = ? "
                        + "order by created_at, id")
                .params(organization.id(), invoice.id()).query(CreditNoteRecords::row).list();
    }

    private static CreditNote row(ResultSet rs, int row) throws SQLException {
        return new CreditNote(new CreditNoteId(rs.getObject("id", UUID.class)),
                new InvoiceId(rs.getObject("invoice_id", UUID.class)), rs.getString("stripe_credit_note_id"),
                rs.getString("number"), Money.of(rs.getLong("amount"), rs.getString("currency")),
                rs.getString("reason"), rs.getString("memo"), rs.getString("status"), rs.getBoolean("refunded"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
