package dev.paydeck.payments;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code refunds} table, always scoped to one organization. */
@Repository
class RefundRecords {

    private static final List<String> COMMITTED = RefundStatus.COMMITTED.stream().map(RefundStatus::code).toList();

    private final JdbcClient jdbc;
    private final Clock clock;

    RefundRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insertPending(OrganizationId organization, RefundId id, PaymentId paymentId, Money amount, String reason,
            String idempotencyKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into refunds (organization_id, id, payment_id, amount, currency, reason, status, created_at, "
                        + "updated_at, idempotency_key) values (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)")
                .params(organization.id(), id.id(), paymentId.id(), amount.minor(), amount.stripeCurrency(), reason,
                        now, now, idempotencyKey)
                .update();
    }

    /** The refund made with this idempotency key, if any. */
    Optional<Refund> byIdempotencyKey(OrganizationId organization, String idempotencyKey) {
        return jdbc.sql("select * from refunds where organization_id = ? and idempotency_key = ?")
                .params(organization.id(), idempotencyKey).query(this::refund).optional();
    }

    void insertFromStripe(OrganizationId organization, RefundId id, PaymentId paymentId,
            com.stripe.model.Refund refund) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into refunds (organization_id, id, stripe_refund_id, payment_id, amount, currency, reason,
                    status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(organization.id(), id.id(), refund.getId(), paymentId.id(), refund.getAmount(),
                        refund.getCurrency(), refund.getReason(), refund.getStatus(), now, now)
                .update();
    }

    /** A refund by Stripe's id or Paydeck's (its metadata link), locked for the rest of the transaction. */
    Optional<Refund> lock(OrganizationId organization, String stripeRefundId, RefundId paydeckId) {
        return jdbc.sql("""
                select * from refunds where organization_id = ? and (stripe_refund_id = ? or id = ?)
                order by (stripe_refund_id = ?) desc nulls last limit 1 for update""")
                .params(organization.id(), stripeRefundId, paydeckId == null ? null : paydeckId.id(), stripeRefundId)
                .query(this::refund).optional();
    }

    void apply(OrganizationId organization, RefundId id, com.stripe.model.Refund refund) {
        jdbc.sql("update refunds set stripe_refund_id = ?, status = ?, updated_at = ? "
                        + "where organization_id = ? and id = ?")
                .params(refund.getId(), refund.getStatus(), OffsetDateTime.now(clock), organization.id(), id.id())
                .update();
    }

    void markStatus(OrganizationId organization, RefundId id, RefundStatus status) {
        jdbc.sql("update refunds set status = ?, updated_at = ? where organization_id = ? and id = ?")
                .params(status.code(), OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    /** Refunded so far, counting refunds not yet confirmed (so two concurrent refunds cannot exceed the payment). */
    long committed(OrganizationId organization, PaymentId paymentId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from refunds where organization_id = :organization "
                        + "and payment_id = :payment and status in (:committed)")
                .param("organization", organization.id()).param("payment", paymentId.id())
                .param("committed", COMMITTED).query(Long.class).single();
    }

    List<Refund> ofPayment(OrganizationId organization, PaymentId paymentId) {
        return jdbc.sql("select * from refunds where organization_id = ? and payment_id = ? order by created_at, id")
                .params(organization.id(), paymentId.id()).query(this::refund).list();
    }

    Optional<Refund> find(OrganizationId organization, RefundId id) {
        return jdbc.sql("select * from refunds where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(this::refund).optional();
    }

    private Refund refund(ResultSet rs, int row) throws SQLException {
        return new Refund(new RefundId(rs.getObject("id", UUID.class)), rs.getString("stripe_refund_id"),
                new PaymentId(rs.getObject("payment_id", UUID.class)),
                Money.of(rs.getLong("amount"), rs.getString("currency")), rs.getString("reason"),
                RefundStatus.of(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class));
    }
}
