package dev.paydeck.payments;

import com.stripe.model.PaymentIntent;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code payments}, {@code charges} and {@code refunds} tables, always scoped to one organization. */
@Repository
class PaymentRecords {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    PaymentRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insertPending(OrganizationId organization, UUID id, PaymentRequest request, UUID customerId,
            String idempotencyKey) {
        jdbc.sql("""
                insert into payments (organization_id, id, customer_id, amount, currency, description, metadata,
                    capture_method, status, idempotency_key)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'pending', ?)""")
                .params(organization.id(), id, customerId, request.amount().minor(),
                        request.amount().currency().getCurrencyCode(), request.description(),
                        json.writeValueAsString(request.metadata() == null ? Map.of() : request.metadata()),
                        request.manualCapture() ? "manual" : "automatic", idempotencyKey)
                .update();
    }

    Optional<Payment> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select * from payments where organization_id = ? and idempotency_key = ?")
                .params(organization.id(), key).query(this::payment).optional();
    }

    Optional<Payment> find(OrganizationId organization, UUID id) {
        return jdbc.sql("select * from payments where organization_id = ? and id = ?")
                .params(organization.id(), id).query(this::payment).optional();
    }

    /** Locks the payment row for the rest of the transaction (refunds check what is left under this lock). */
    Optional<Payment> lock(OrganizationId organization, UUID id) {
        return lockForEvent(organization, id).map(Locked::payment);
    }

    void markStatus(OrganizationId organization, UUID id, String status) {
        jdbc.sql("update payments set status = ?, updated_at = now() where organization_id = ? and id = ?")
                .params(status, organization.id(), id).update();
    }

    void remove(OrganizationId organization, UUID id) {
        jdbc.sql("delete from payments where organization_id = ? and id = ? and status = 'pending'")
                .params(organization.id(), id).update();
    }

    /**
     * Makes the record what Stripe says the PaymentIntent is, with its latest charge when expanded; a terminal
     * status (succeeded, canceled) is never replaced, whichever answer or event arrives last.
     */
    Payment apply(OrganizationId organization, UUID id, PaymentIntent intent) {
        return apply(organization, id, intent, null);
    }

    /**
     * {@link #apply(OrganizationId, UUID, PaymentIntent)} for the snapshot of an event created at {@code eventCreated}
     * (unix seconds), remembered as the newest applied (an older one never lowers it). Answers the payment after.
     */
    Payment apply(OrganizationId organization, UUID id, PaymentIntent intent, Long eventCreated) {
        var error = intent.getLastPaymentError();
        Payment after = jdbc.sql("""
                update payments set stripe_payment_intent_id = ?,
                    status = case when status in ('succeeded', 'canceled') then status else ? end, amount_received = ?,
                    amount_capturable = ?, last_error_code = ?, last_decline_code = ?, last_error_message = ?,
                    stripe_event_created = case when ?::bigint is null then stripe_event_created
                        else greatest(coalesce(stripe_event_created, 0), ?::bigint) end,
                    updated_at = now()
                where organization_id = ? and id = ?
                returning *""")
                .params(intent.getId(), intent.getStatus(), orZero(intent.getAmountReceived()),
                        orZero(intent.getAmountCapturable()), error == null ? null : error.getCode(),
                        error == null ? null : error.getDeclineCode(), error == null ? null : error.getMessage(),
                        eventCreated, eventCreated, organization.id(), id)
                .query(this::payment).optional().orElse(null);
        if (intent.getLatestChargeObject() != null) {
            applyCharge(organization, id, intent.getLatestChargeObject());
        }
        return after;
    }

    void applyCharge(OrganizationId organization, UUID paymentId, com.stripe.model.Charge charge) {
        var card = charge.getPaymentMethodDetails() == null ? null : charge.getPaymentMethodDetails().getCard();
        jdbc.sql("""
                insert into charges (organization_id, id, payment_id, amount, amount_captured, amount_refunded,
                    currency, status, paid, captured, failure_code, failure_message, card_brand, card_last4, created)
                values (:organization, :id, :payment, :amount, :captured_amount, :refunded, :currency, :status,
                    :paid, :captured, :failure_code, :failure_message, :brand, :last4, :created)
                on conflict (organization_id, id) do update set
                    amount_captured = greatest(charges.amount_captured, excluded.amount_captured),
                    amount_refunded = greatest(charges.amount_refunded, excluded.amount_refunded),
                    status = excluded.status, paid = excluded.paid,
                    captured = excluded.captured, failure_code = excluded.failure_code,
                    failure_message = excluded.failure_message""")
                .param("organization", organization.id()).param("id", charge.getId()).param("payment", paymentId)
                .param("amount", charge.getAmount()).param("captured_amount", orZero(charge.getAmountCaptured()))
                .param("refunded", orZero(charge.getAmountRefunded())).param("currency", charge.getCurrency())
                .param("status", charge.getStatus()).param("paid", Boolean.TRUE.equals(charge.getPaid()))
                .param("captured", Boolean.TRUE.equals(charge.getCaptured()))
                .param("failure_code", charge.getFailureCode()).param("failure_message", charge.getFailureMessage())
                .param("brand", card == null ? null : card.getBrand())
                .param("last4", card == null ? null : card.getLast4()).param("created", charge.getCreated())
                .update();
    }

    Optional<Payment> lockByStripeId(OrganizationId organization, String paymentIntentId) {
        return lockByStripeIdForEvent(organization, paymentIntentId).map(Locked::payment);
    }

    /**
     * A payment locked for an event, with {@code created} of the newest event applied to it (null if none), and
     * whether it was recorded from the event just now (it then holds the event's state already).
     */
    record Locked(Payment payment, Long eventCreated, boolean recordedNow) {

        Locked(Payment payment, Long eventCreated) {
            this(payment, eventCreated, false);
        }
    }

    /** {@link #lockByStripeId} with the newest applied event's time, in the same read. */
    Optional<Locked> lockByStripeIdForEvent(OrganizationId organization, String paymentIntentId) {
        return jdbc.sql("select * from payments where organization_id = ? and stripe_payment_intent_id = ? for update")
                .params(organization.id(), paymentIntentId)
                .query(this::locked)
                .optional();
    }

    private Locked locked(ResultSet rs, int row) throws SQLException {
        return new Locked(payment(rs, row), rs.getObject("stripe_event_created", Long.class));
    }

    /** {@link #lock} with the newest applied event's time, in the same read. */
    Optional<Locked> lockForEvent(OrganizationId organization, UUID id) {
        return jdbc.sql("select * from payments where organization_id = ? and id = ? for update")
                .params(organization.id(), id)
                .query(this::locked)
                .optional();
    }

    /**
     * A payment Paydeck has not seen (made in the Stripe dashboard or by another program), recorded from Stripe's
     * PaymentIntent under {@code id} (its {@code paydeck_payment_id} when Paydeck made it) with the PaymentIntent's
     * state, as of the event created at {@code eventCreated} (null: not from an event); nothing if it is known.
     * Answers the new row, locked by this transaction (empty when it was known).
     */
    Optional<Payment> insertFromStripe(OrganizationId organization, UUID id, PaymentIntent intent, UUID customerId,
            Long eventCreated) {
        Map<String, String> metadata = new HashMap<>(intent.getMetadata() == null ? Map.of() : intent.getMetadata());
        metadata.remove(Payments.PAYDECK_ID);
        var error = intent.getLastPaymentError();
        Optional<Payment> inserted = jdbc.sql("""
                insert into payments (organization_id, id, stripe_payment_intent_id, customer_id, amount, currency,
                    description, metadata, capture_method, status, amount_received, amount_capturable,
                    last_error_code, last_decline_code, last_error_message, stripe_event_created)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, coalesce(?, 'unknown'), ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                returning *""")
                .params(organization.id(), id, intent.getId(), customerId, intent.getAmount(),
                        intent.getCurrency().toUpperCase(java.util.Locale.ROOT), intent.getDescription(),
                        json.writeValueAsString(metadata),
                        "manual".equals(intent.getCaptureMethod()) ? "manual" : "automatic", intent.getStatus(),
                        orZero(intent.getAmountReceived()), orZero(intent.getAmountCapturable()),
                        error == null ? null : error.getCode(), error == null ? null : error.getDeclineCode(),
                        error == null ? null : error.getMessage(), eventCreated)
                .query(this::payment).optional();
        if (inserted.isPresent() && intent.getLatestChargeObject() != null) {
            applyCharge(organization, id, intent.getLatestChargeObject());
        }
        return inserted;
    }

    /** Payments still {@code pending}/{@code unknown} for a while, claimed for reconciliation across instances. */
    List<Map.Entry<OrganizationId, UUID>> claimUnresolved(long olderThanSeconds, long againAfterSeconds, int limit) {
        return jdbc.sql("""
                update payments set reconciled_at = now() where (organization_id, id) in (
                    select organization_id, id from payments
                    where status in ('pending', 'unknown') and updated_at < now() - make_interval(secs => ?)
                      and (reconciled_at is null or reconciled_at < now() - make_interval(secs => ?))
                    order by reconciled_at nulls first limit ? for update skip locked)
                returning organization_id, id""")
                .params(olderThanSeconds, againAfterSeconds, limit)
                .query((rs, row) -> Map.entry(new OrganizationId(rs.getObject(1, UUID.class)),
                        rs.getObject(2, UUID.class)))
                .list();
    }

    Optional<Refund> lockRefund(OrganizationId organization, String stripeRefundId, UUID paydeckId) {
        return jdbc.sql("""
                select * from refunds where organization_id = ? and (stripe_refund_id = ? or id = ?)
                order by (stripe_refund_id = ?) desc nulls last limit 1 for update""")
                .params(organization.id(), stripeRefundId, paydeckId, stripeRefundId)
                .query(this::refund).optional();
    }

    void insertRefundFromStripe(OrganizationId organization, UUID id, UUID paymentId, com.stripe.model.Refund refund) {
        jdbc.sql("""
                insert into refunds (organization_id, id, stripe_refund_id, payment_id, amount, currency, reason,
                    status)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(organization.id(), id, refund.getId(), paymentId, refund.getAmount(), refund.getCurrency(),
                        refund.getReason(), refund.getStatus())
                .update();
    }

    /** Records a dispute once (by Stripe's id); true when it is new. */
    boolean insertDispute(OrganizationId organization, com.stripe.model.Dispute dispute, UUID paymentId) {
        return jdbc.sql("""
                insert into disputes (organization_id, id, payment_id, stripe_payment_intent_id, charge_id, amount,
                    currency, reason, status, created)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(organization.id(), dispute.getId(), paymentId, dispute.getPaymentIntent(), dispute.getCharge(),
                        dispute.getAmount(), dispute.getCurrency(), dispute.getReason(), dispute.getStatus(),
                        dispute.getCreated() == null ? 0L : dispute.getCreated())
                .update() == 1;
    }

    List<Payment> list(OrganizationId organization, PaymentQuery query) {
        StringBuilder sql = new StringBuilder("select * from payments where organization_id = :organization");
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        if (query.status() != null) {
            sql.append(" and status = :status");
            params.put("status", query.status());
        }
        if (query.customerId() != null) {
            sql.append(" and customer_id = :customer");
            params.put("customer", query.customerId());
        }
        if (query.createdFrom() != null) {
            sql.append(" and created_at >= :from");
            params.put("from", query.createdFrom());
        }
        if (query.createdBefore() != null) {
            sql.append(" and created_at < :before");
            params.put("before", query.createdBefore());
        }
        if (query.startingAfter() != null) {
            sql.append(" and (created_at, id) < (select created_at, id from payments "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", query.startingAfter());
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", query.limit());
        return jdbc.sql(sql.toString()).params(params).query(this::payment).list();
    }

    List<Charge> charges(OrganizationId organization, UUID paymentId) {
        return jdbc.sql("select * from charges where organization_id = ? and payment_id = ? order by created, id")
                .params(organization.id(), paymentId)
                .query((rs, row) -> new Charge(rs.getString("id"), rs.getLong("amount"), rs.getLong("amount_captured"),
                        rs.getLong("amount_refunded"), rs.getString("currency"), rs.getString("status"),
                        rs.getBoolean("paid"), rs.getBoolean("captured"), rs.getString("failure_code"),
                        rs.getString("failure_message"), rs.getString("card_brand"), rs.getString("card_last4"),
                        rs.getLong("created")))
                .list();
    }

    void insertRefund(OrganizationId organization, UUID id, UUID paymentId, long amount, String currency,
            String reason) {
        jdbc.sql("insert into refunds (organization_id, id, payment_id, amount, currency, reason, status) "
                        + "values (?, ?, ?, ?, ?, ?, 'pending')")
                .params(organization.id(), id, paymentId, amount, currency, reason).update();
    }

    void applyRefund(OrganizationId organization, UUID id, com.stripe.model.Refund refund) {
        jdbc.sql("update refunds set stripe_refund_id = ?, status = ?, updated_at = now() "
                        + "where organization_id = ? and id = ?")
                .params(refund.getId(), refund.getStatus(), organization.id(), id).update();
    }

    void markRefund(OrganizationId organization, UUID id, String status) {
        jdbc.sql("update refunds set status = ?, updated_at = now() where organization_id = ? and id = ?")
                .params(status, organization.id(), id).update();
    }

    /** Refunded so far, counting refunds not yet confirmed (so two concurrent refunds cannot exceed the payment). */
    long committedRefunds(OrganizationId organization, UUID paymentId) {
        return jdbc.sql("select coalesce(sum(amount), 0) from refunds where organization_id = ? and payment_id = ? "
                        + "and status in ('pending', 'succeeded', 'requires_action', 'unknown')")
                .params(organization.id(), paymentId).query(Long.class).single();
    }

    void recomputeRefunded(OrganizationId organization, UUID paymentId) {
        jdbc.sql("""
                update payments set amount_refunded = (select coalesce(sum(amount), 0) from refunds
                    where organization_id = :organization and payment_id = :payment and status = 'succeeded'),
                    updated_at = now()
                where organization_id = :organization and id = :payment""")
                .param("organization", organization.id()).param("payment", paymentId).update();
    }

    List<Refund> refunds(OrganizationId organization, UUID paymentId) {
        return jdbc.sql("select * from refunds where organization_id = ? and payment_id = ? order by created_at, id")
                .params(organization.id(), paymentId).query(this::refund).list();
    }

    Optional<Refund> findRefund(OrganizationId organization, UUID id) {
        return jdbc.sql("select * from refunds where organization_id = ? and id = ?")
                .params(organization.id(), id).query(this::refund).optional();
    }

    private Refund refund(ResultSet rs, int row) throws SQLException {
        return new Refund(rs.getObject("id", UUID.class), rs.getString("stripe_refund_id"),
                rs.getObject("payment_id", UUID.class), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("reason"), rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class));
    }

    private Payment payment(ResultSet rs, int row) throws SQLException {
        String errorCode = rs.getString("last_error_code");
        String errorMessage = rs.getString("last_error_message");
        return new Payment(rs.getObject("id", UUID.class), rs.getString("stripe_payment_intent_id"),
                rs.getObject("customer_id", UUID.class),
                new Money(rs.getLong("amount"), java.util.Currency.getInstance(rs.getString("currency"))),
                rs.getString("description"), json.readValue(rs.getString("metadata"), METADATA),
                rs.getString("capture_method"), rs.getString("status"), rs.getLong("amount_received"),
                rs.getLong("amount_capturable"), rs.getLong("amount_refunded"),
                errorCode == null && errorMessage == null ? null
                        : new Payment.LastError(errorCode, rs.getString("last_decline_code"), errorMessage),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
