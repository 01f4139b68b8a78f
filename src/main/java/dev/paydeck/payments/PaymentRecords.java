package dev.paydeck.payments;

import com.stripe.model.PaymentIntent;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The {@code payments} table, always scoped to one organization. Times are the injected clock's, never SQL
 * {@code now()}. A final status (succeeded, canceled) is never overwritten, whichever answer or event arrives last.
 */
@Repository
class PaymentRecords {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };
    private static final List<String> FINAL = PaymentStatus.ORDER.finalStatuses().stream().map(PaymentStatus::code)
            .toList();

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    PaymentRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void insertPending(OrganizationId organization, PaymentId id, PaymentRequest request, CustomerId customerId,
            String idempotencyKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into payments (organization_id, id, customer_id, amount, currency, description, metadata,
                    capture_method, status, idempotency_key, create_request, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'pending', ?, ?::jsonb, ?, ?)""")
                .params(organization.id(), id.id(), customerId == null ? null : customerId.id(),
                        request.amount().minor(), request.amount().currency().getCurrencyCode(), request.description(),
                        json.writeValueAsString(request.metadata() == null ? Map.of() : request.metadata()),
                        request.manualCapture() ? "manual" : "automatic", idempotencyKey,
                        json.writeValueAsString(request), now, now)
                .update();
    }

    /** What a payment was created with (for re-sending the create); empty for payments first seen in Stripe. */
    Optional<PaymentRequest> createRequest(OrganizationId organization, PaymentId id) {
        return jdbc.sql("select create_request from payments where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(String.class).optional()
                .map(text -> json.readValue(text, PaymentRequest.class));
    }

    Optional<Payment> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select * from payments where organization_id = ? and idempotency_key = ?")
                .params(organization.id(), key).query(this::payment).optional();
    }

    Optional<Payment> find(OrganizationId organization, PaymentId id) {
        return jdbc.sql("select * from payments where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(this::payment).optional();
    }

    /** The payment of a PaymentIntent and the newest event applied to it, read without a lock. */
    Optional<Versioned> findByStripeId(OrganizationId organization, String paymentIntentId) {
        return jdbc.sql("select * from payments where organization_id = ? and stripe_payment_intent_id = ?")
                .params(organization.id(), paymentIntentId).query(this::versioned).optional();
    }

    /** Locks the payment row for the rest of the transaction (refunds check what is left under this lock). */
    Optional<Payment> lock(OrganizationId organization, PaymentId id) {
        return lockVersioned(organization, id).map(Versioned::payment);
    }

    void markStatus(OrganizationId organization, PaymentId id, PaymentStatus status) {
        jdbc.sql("update payments set status = ?, updated_at = ? where organization_id = ? and id = ?")
                .params(status.code(), OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    void remove(OrganizationId organization, PaymentId id) {
        jdbc.sql("delete from payments where organization_id = ? and id = ? and status = 'pending'")
                .params(organization.id(), id.id()).update();
    }

    /** What applying a PaymentIntent did: the payment after, and its status before. */
    record Applied(Payment payment, PaymentStatus before) {

        boolean changed() {
            return before != payment.status();
        }

        /** This application is the one that made the payment succeed (true once per payment). */
        boolean succeededNow() {
            return changed() && payment.status() == PaymentStatus.SUCCEEDED;
        }
    }

    /**
     * Makes the record what Stripe says the PaymentIntent is (a final status stays), remembering {@code eventCreated}
     * (unix seconds; null when not from an event) as the newest event applied, which an older one never lowers.
     * Empty if there is no such payment.
     */
    Optional<Applied> apply(OrganizationId organization, PaymentId id, PaymentIntent intent, Long eventCreated) {
        var error = intent.getLastPaymentError();
        return jdbc.sql("""
                update payments p set stripe_payment_intent_id = :intent,
                    status = case when p.status in (:final) then p.status else :status end,
                    amount_received = :received, amount_capturable = :capturable, last_error_code = :code,
                    last_decline_code = :decline, last_error_message = :message,
                    stripe_event_created = case when cast(:created as bigint) is null then p.stripe_event_created
                        else greatest(coalesce(p.stripe_event_created, 0), cast(:created as bigint)) end,
                    updated_at = :now
                from (select status from payments where organization_id = :organization and id = :id for update) old
                where p.organization_id = :organization and p.id = :id
                returning p.*, old.status as status_before""")
                .param("intent", intent.getId()).param("final", FINAL).param("status", intent.getStatus())
                .param("received", orZero(intent.getAmountReceived()))
                .param("capturable", orZero(intent.getAmountCapturable()))
                .param("code", error == null ? null : error.getCode())
                .param("decline", error == null ? null : error.getDeclineCode())
                .param("message", error == null ? null : error.getMessage())
                .param("created", eventCreated).param("now", OffsetDateTime.now(clock))
                .param("organization", organization.id()).param("id", id.id())
                .query((rs, row) -> new Applied(payment(rs, row), PaymentStatus.of(rs.getString("status_before"))))
                .optional();
    }

    /**
     * A payment with {@code created} of the newest event applied to it (null if none), and whether it was recorded
     * from the snapshot just now (it then holds the snapshot's state already).
     */
    record Versioned(Payment payment, Long eventCreated, boolean recordedNow) {

        Versioned(Payment payment, Long eventCreated) {
            this(payment, eventCreated, false);
        }
    }

    Optional<Versioned> lockByStripeId(OrganizationId organization, String paymentIntentId) {
        return jdbc.sql("select * from payments where organization_id = ? and stripe_payment_intent_id = ? for update")
                .params(organization.id(), paymentIntentId).query(this::versioned).optional();
    }

    Optional<Versioned> lockVersioned(OrganizationId organization, PaymentId id) {
        return jdbc.sql("select * from payments where organization_id = ? and id = ? for update")
                .params(organization.id(), id.id()).query(this::versioned).optional();
    }

    private Versioned versioned(ResultSet rs, int row) throws SQLException {
        return new Versioned(payment(rs, row), rs.getObject("stripe_event_created", Long.class));
    }

    /**
     * A payment Paydeck has not seen (made in the Stripe dashboard or by another program), recorded from Stripe's
     * PaymentIntent under {@code id} (its {@code paydeck_payment_id} when Paydeck made it) with the PaymentIntent's
     * state, as of the event created at {@code eventCreated} (null: not from an event); nothing if it is known.
     * Answers the new row, locked by this transaction (empty when it was known).
     */
    Optional<Payment> insertFromStripe(OrganizationId organization, PaymentId id, PaymentIntent intent,
            CustomerId customerId, Long eventCreated) {
        Map<String, String> metadata = new HashMap<>(intent.getMetadata() == null ? Map.of() : intent.getMetadata());
        metadata.remove(Payments.PAYDECK_ID);
        var error = intent.getLastPaymentError();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                insert into payments (organization_id, id, stripe_payment_intent_id, customer_id, amount, currency,
                    description, metadata, capture_method, status, amount_received, amount_capturable,
                    last_error_code, last_decline_code, last_error_message, stripe_event_created, created_at,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, coalesce(?, 'unknown'), ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                returning *""")
                .params(organization.id(), id.id(), intent.getId(), customerId == null ? null : customerId.id(),
                        intent.getAmount(), intent.getCurrency().toUpperCase(Locale.ROOT), intent.getDescription(),
                        json.writeValueAsString(metadata),
                        "manual".equals(intent.getCaptureMethod()) ? "manual" : "automatic", intent.getStatus(),
                        orZero(intent.getAmountReceived()), orZero(intent.getAmountCapturable()),
                        error == null ? null : error.getCode(), error == null ? null : error.getDeclineCode(),
                        error == null ? null : error.getMessage(), eventCreated, now, now)
                .query(this::payment).optional();
    }

    /**
     * Payments still unresolved (pending or unknown) a while after their last change, claimed for the janitor across
     * instances: each is claimed at most once per {@code againAfterSeconds}.
     */
    List<Unresolved.Claimed<PaymentId>> claimUnresolved(long olderThanSeconds, long againAfterSeconds, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update payments set reconciled_at = :now where (organization_id, id) in (
                    select organization_id, id from payments
                    where status in ('pending', 'unknown') and updated_at < :now - make_interval(secs => :older)
                      and (reconciled_at is null or reconciled_at < :now - make_interval(secs => :again))
                    order by reconciled_at nulls first limit :limit for update skip locked)
                returning organization_id, id""")
                .param("now", now).param("older", olderThanSeconds).param("again", againAfterSeconds)
                .param("limit", limit)
                .query((rs, row) -> new Unresolved.Claimed<>(new OrganizationId(rs.getObject(1, UUID.class)),
                        new PaymentId(rs.getObject(2, UUID.class))))
                .list();
    }

    /** Records a dispute once (by Stripe's id); true when it is new. */
    boolean insertDispute(OrganizationId organization, com.stripe.model.Dispute dispute, PaymentId paymentId) {
        return jdbc.sql("""
                insert into disputes (organization_id, id, payment_id, stripe_payment_intent_id, charge_id, amount,
                    currency, reason, status, created, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(organization.id(), dispute.getId(), paymentId == null ? null : paymentId.id(),
                        dispute.getPaymentIntent(), dispute.getCharge(), dispute.getAmount(), dispute.getCurrency(),
                        dispute.getReason(), dispute.getStatus(),
                        dispute.getCreated() == null ? 0L : dispute.getCreated(), OffsetDateTime.now(clock))
                .update() == 1;
    }

    List<Payment> list(OrganizationId organization, PaymentQuery query) {
        return page(filter(organization, query), query.limit());
    }

    /** Every payment the list's filters match, newest first, one at a time (streamed from the database). */
    void forEach(OrganizationId organization, PaymentQuery query, Consumer<Payment> each) {
        stream(filter(organization, query), each);
    }

    private static Filter filter(OrganizationId organization, PaymentQuery query) {
        StringBuilder sql = new StringBuilder("select * from payments where organization_id = :organization");
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        if (query.status() != null) {
            sql.append(" and status = :status");
            params.put("status", query.status().code());
        }
        if (query.customerId() != null) {
            sql.append(" and customer_id = :customer");
            params.put("customer", query.customerId().id());
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
            params.put("after", query.startingAfter().id());
        }
        return new Filter(sql.toString(), params);
    }

    /** The query of a list or a search, without its order and limit. */
    private record Filter(String sql, Map<String, Object> params) {
    }

    private List<Payment> page(Filter filter, int limit) {
        Map<String, Object> params = new HashMap<>(filter.params());
        params.put("limit", limit);
        return jdbc.sql(filter.sql() + " order by created_at desc, id desc limit :limit").params(params)
                .query(this::payment).list();
    }

    /** Rows fetched a few hundred at a time (PostgreSQL's cursor, in the caller's transaction): memory stays flat. */
    private void stream(Filter filter, Consumer<Payment> each) {
        try (Stream<Payment> rows = jdbc.sql(filter.sql() + " order by created_at desc, id desc")
                .params(filter.params()).withFetchSize(500).query(this::payment).stream()) {
            rows.forEach(each);
        }
    }

    /**
     * A page of the payments page's search, newest first. {@code customers}: the payments of these customers only
     * (null: any); {@code textCustomers}: customers whose email or name matched the free text, whose payments match it
     * too. Each filter is served by an index of its own (V34, V72) so that a page stays fast in an organization of
     * 100,000 payments.
     */
    List<Payment> search(OrganizationId organization, PaymentSearch search, List<CustomerId> customers,
            List<CustomerId> textCustomers) {
        return page(filter(organization, search, customers, textCustomers), search.limit());
    }

    /** Every payment the search matches, newest first, one at a time (streamed from the database). */
    void forEach(OrganizationId organization, PaymentSearch search, List<CustomerId> customers,
            List<CustomerId> textCustomers, Consumer<Payment> each) {
        stream(filter(organization, search, customers, textCustomers), each);
    }

    private static Filter filter(OrganizationId organization, PaymentSearch search, List<CustomerId> customers,
            List<CustomerId> textCustomers) {
        StringBuilder sql = new StringBuilder("select * from payments p where organization_id = :organization");
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        if (search.group() != null) {
            sql.append(" and ").append(condition(search.group()));
        }
        if (customers != null) {
            sql.append(" and customer_id = any(:customers)");
            params.put("customers", customers.stream().map(CustomerId::id).toArray(UUID[]::new));
        }
        String text = search.text();
        if (text != null) {
            UUID id = uuid(text);
            if (id != null) {
                sql.append(" and (id = :text_id or customer_id = :text_id)");
                params.put("text_id", id);
            } else if (text.startsWith("pi_")) {
                sql.append(" and stripe_payment_intent_id = :text");
                params.put("text", text);
            } else {
                // Without matching customers the condition stays one the description's trigram index serves alone.
                sql.append(textCustomers.isEmpty() ? " and lower(description) like :pattern escape '\\'"
                        : " and (lower(description) like :pattern escape '\\' or customer_id = any(:text_customers))");
                params.put("pattern", "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%");
                params.put("text_customers", textCustomers.stream().map(CustomerId::id).toArray(UUID[]::new));
            }
        }
        if (search.createdFrom() != null) {
            sql.append(" and created_at >= :from");
            params.put("from", search.createdFrom());
        }
        if (search.createdBefore() != null) {
            sql.append(" and created_at < :before");
            params.put("before", search.createdBefore());
        }
        Money bound = search.minimum() != null ? search.minimum() : search.maximum();
        if (bound != null) {
            sql.append(" and currency = :currency");
            params.put("currency", bound.currency().getCurrencyCode());
        }
        if (search.minimum() != null) {
            sql.append(" and amount >= :minimum");
            params.put("minimum", search.minimum().minor());
        }
        if (search.maximum() != null) {
            sql.append(" and amount <= :maximum");
            params.put("maximum", search.maximum().minor());
        }
        if (search.startingAfter() != null) {
            sql.append(" and (created_at, id) < (select created_at, id from payments "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", search.startingAfter().id());
        }
        return new Filter(sql.toString(), params);
    }

    private static final String FAILED_SQL = "(status = 'requires_payment_method' and (last_error_code is not null "
            + "or last_error_message is not null))";
    private static final String DISPUTED_SQL = "id in (select payment_id from disputes d "
            + "where d.organization_id = :organization and d.payment_id is not null)";

    /** The SQL of a group, on the statuses its enum names (the partial indexes of V72 match these conditions). */
    private static String condition(PaymentStatusGroup group) {
        String statuses = group.statuses().stream().map(status -> "'" + status.code() + "'").sorted()
                .collect(java.util.stream.Collectors.joining(", ", "status in (", ")"));
        return switch (group) {
            case SUCCEEDED, UNCAPTURED, CANCELED, UNRESOLVED -> statuses;
            case REFUNDED -> "amount_refunded > 0";
            case FAILED -> FAILED_SQL;
            case INCOMPLETE -> "(" + statuses + " and not " + FAILED_SQL + ")";
            case DISPUTED -> DISPUTED_SQL;
            case ATTENTION -> "(status in ('requires_capture', 'pending', 'unknown') or " + FAILED_SQL + " or "
                    + DISPUTED_SQL + ")";
        };
    }

    private static UUID uuid(String text) {
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The Stripe ids of the disputes opened on a payment. */
    List<String> disputeIds(OrganizationId organization, PaymentId id) {
        return jdbc.sql("select id from disputes where organization_id = ? and payment_id = ? order by created, id")
                .params(organization.id(), id.id()).query(String.class).list();
    }

    /** Per currency, the payments made since this time that received money: how many, received, refunded. */
    List<PaymentTotals> totalsSince(OrganizationId organization, OffsetDateTime since) {
        return jdbc.sql("""
                select currency, count(*) as count, sum(amount_received) as received, sum(amount_refunded) as refunded
                from payments where organization_id = ? and created_at >= ? and amount_received > 0
                group by currency order by currency""")
                .params(organization.id(), since)
                .query((rs, row) -> new PaymentTotals(rs.getLong("count"),
                        Money.of(rs.getLong("received"), rs.getString("currency")),
                        Money.of(rs.getLong("refunded"), rs.getString("currency"))))
                .list();
    }

    /** Sets the refunded amount to the sum of the payment's succeeded refunds. */
    void recomputeRefunded(OrganizationId organization, PaymentId paymentId) {
        jdbc.sql("""
                update payments set amount_refunded = (select coalesce(sum(amount), 0) from refunds
                    where organization_id = :organization and payment_id = :payment and status = 'succeeded'),
                    updated_at = :now
                where organization_id = :organization and id = :payment""")
                .param("organization", organization.id()).param("payment", paymentId.id())
                .param("now", OffsetDateTime.now(clock)).update();
    }

    private Payment payment(ResultSet rs, int row) throws SQLException {
        String errorCode = rs.getString("last_error_code");
        String errorMessage = rs.getString("last_error_message");
        Money amount = new Money(rs.getLong("amount"), java.util.Currency.getInstance(rs.getString("currency")));
        UUID customer = rs.getObject("customer_id", UUID.class);
        return new Payment(new PaymentId(rs.getObject("id", UUID.class)), rs.getString("stripe_payment_intent_id"),
                customer == null ? null : new CustomerId(customer), amount, rs.getString("description"),
                json.readValue(rs.getString("metadata"), METADATA), rs.getString("capture_method"),
                PaymentStatus.of(rs.getString("status")), amount.withMinor(rs.getLong("amount_received")),
                amount.withMinor(rs.getLong("amount_capturable")), amount.withMinor(rs.getLong("amount_refunded")),
                errorCode == null && errorMessage == null ? null
                        : new Payment.LastError(errorCode, rs.getString("last_decline_code"), errorMessage),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
