package dev.paydeck.billing;

import com.stripe.model.InvoiceLineItem;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCodes;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The {@code invoices} and {@code invoice_lines} tables; every query is scoped to one organization. */
@Repository
class InvoiceRecords {

    /** Stripe's final statuses: an apply never overwrites them. */
    private static final String NOT_FINAL = "status not in ('paid', 'void', 'deleted')";

    /** A record with the {@code created} of the newest event applied to it; {@code recordedNow}: inserted by this call. */
    record Versioned(Invoice invoice, Long eventCreated, boolean recordedNow) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    InvoiceRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void insertPending(OrganizationId organization, InvoiceId id, CustomerId customer, InvoiceRequest request,
            String idempotencyKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into invoices (organization_id, id, customer_id, stripe_customer_id, status, collection_method,
                    currency, description, request, idempotency_key, created_at, updated_at)
                values (:organization, :id, :customer, :stripeCustomer, 'pending', :collection, :currency,
                    :description, :request::jsonb, :key, :now, :now)""")
                .param("organization", organization.id()).param("id", id.id()).param("customer", customer.id())
                .param("stripeCustomer", request.customer()).param("collection", request.collectionMethod())
                .param("currency", request.currency()).param("description", request.description())
                .param("request", json.writeValueAsString(request)).param("key", idempotencyKey)
                .param("now", now).update();
    }

    Optional<Invoice> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select * from invoices where organization_id = ? and idempotency_key = ?")
                .params(organization.id(), key).query(this::row).optional();
    }

    Optional<InvoiceRequest> requestOf(OrganizationId organization, InvoiceId id) {
        return jdbc.sql("select request::text from invoices where organization_id = ? and id = ? "
                        + "and request is not null")
                .params(organization.id(), id.id()).query(String.class).optional()
                .map(text -> json.readValue(text, InvoiceRequest.class));
    }

    void markUnknown(OrganizationId organization, InvoiceId id) {
        jdbc.sql("update invoices set status = 'unknown', updated_at = ? where organization_id = ? and id = ? "
                        + "and status = 'pending'")
                .params(OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    void remove(OrganizationId organization, InvoiceId id) {
        jdbc.sql("delete from invoices where organization_id = ? and id = ? and status in ('pending', 'unknown')")
                .params(organization.id(), id.id()).update();
    }

    void markPaidOutOfBand(OrganizationId organization, InvoiceId id) {
        jdbc.sql("update invoices set paid_out_of_band = true where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).update();
    }

    void markDeleted(OrganizationId organization, InvoiceId id, long eventCreated) {
        jdbc.sql("update invoices set status = 'deleted', stripe_event_created = ?, updated_at = ? "
                        + "where organization_id = ? and id = ? and status = 'draft'")
                .params(eventCreated, OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    /** Records that Stripe sent the invoice; the invoice when this was the first time Paydeck learnt it. */
    Optional<Invoice> markSent(OrganizationId organization, InvoiceId id) {
        int updated = jdbc.sql("update invoices set sent_at = ? where organization_id = ? and id = ? "
                        + "and sent_at is null")
                .params(OffsetDateTime.now(clock), organization.id(), id.id()).update();
        return updated == 0 ? Optional.empty() : find(organization, id);
    }

    List<Unresolved.Claimed<InvoiceId>> claimUnresolved(long olderThanSeconds, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update invoices set updated_at = :now where (organization_id, id) in (
                    select organization_id, id from invoices
                    where status in ('pending', 'unknown') and updated_at < :now - make_interval(secs => :older)
                    order by updated_at limit :limit for update skip locked)
                returning organization_id, id""")
                .param("now", now).param("older", olderThanSeconds).param("limit", limit)
                .query((rs, row) -> new Unresolved.Claimed<>(new OrganizationId(rs.getObject(1, UUID.class)),
                        new InvoiceId(rs.getObject(2, UUID.class))))
                .list();
    }

    Optional<Versioned> findByStripeId(OrganizationId organization, String stripeId) {
        return jdbc.sql("select * from invoices where organization_id = ? and stripe_invoice_id = ?")
                .params(organization.id(), stripeId).query(this::versioned).optional();
    }

    Optional<Versioned> lockByStripeId(OrganizationId organization, String stripeId) {
        return jdbc.sql("select * from invoices where organization_id = ? and stripe_invoice_id = ? for update")
                .params(organization.id(), stripeId).query(this::versioned).optional();
    }

    Optional<Versioned> lock(OrganizationId organization, InvoiceId id) {
        return jdbc.sql("select * from invoices where organization_id = ? and id = ? for update")
                .params(organization.id(), id.id()).query(this::versioned).optional();
    }

    /**
     * Makes the record what Stripe's invoice says, with its lines, unless its status is final; the record as it is
     * now, or empty when it was final. {@code eventCreated}: the event's time, when the invoice comes from one.
     */
    Optional<Invoice> apply(OrganizationId organization, InvoiceId id, com.stripe.model.Invoice stripe,
            CustomerId customer, Long eventCreated) {
        Map<String, Object> params = params(organization, stripe, customer, eventCreated);
        params.put("id", id.id());
        int updated = jdbc.sql("""
                update invoices set stripe_invoice_id = :stripe, customer_id = coalesce(:customer, customer_id),
                    stripe_customer_id = :stripeCustomer, stripe_subscription_id = :subscription, status = :status,
                    collection_method = :collection, number = :number, currency = :currency, subtotal = :subtotal,
                    tax = :tax, discount = :discount, total = :total, amount_due = :due, amount_paid = :paid,
                    amount_remaining = :remaining, due_date = :dueDate, period_start = :periodStart,
                    period_end = :periodEnd, hosted_invoice_url = :hosted, invoice_pdf = :pdf,
                    description = :description, finalized_at = :finalizedAt, paid_at = :paidAt,
                    stripe_event_created = greatest(stripe_event_created, :eventCreated), updated_at = :now
                where organization_id = :organization and id = :id and\s""" + NOT_FINAL)
                .params(params).update();
        if (updated == 0) {
            return Optional.empty();
        }
        replaceLines(organization, id, stripe);
        return find(organization, id);
    }

    /** Records an invoice Paydeck has not seen, under {@code id}; empty when another transaction recorded it first. */
    Optional<Invoice> insertFromStripe(OrganizationId organization, InvoiceId id, com.stripe.model.Invoice stripe,
            CustomerId customer, Long eventCreated) {
        Map<String, Object> params = params(organization, stripe, customer, eventCreated);
        params.put("id", id.id());
        params.put("created", stripe.getCreated() == null ? params.get("now") : time(stripe.getCreated()));
        Optional<UUID> inserted = jdbc.sql("""
                insert into invoices (organization_id, id, stripe_invoice_id, customer_id, stripe_customer_id,
                    stripe_subscription_id, status, collection_method, number, currency, subtotal, tax, discount,
                    total, amount_due, amount_paid, amount_remaining, due_date, period_start, period_end,
                    hosted_invoice_url, invoice_pdf, description, finalized_at, paid_at, stripe_event_created,
                    created_at, updated_at)
                values (:organization, :id, :stripe, :customer, :stripeCustomer, :subscription, :status, :collection,
                    :number, :currency, :subtotal, :tax, :discount, :total, :due, :paid, :remaining, :dueDate,
                    :periodStart, :periodEnd, :hosted, :pdf, :description, :finalizedAt, :paidAt, :eventCreated,
                    :created, :now)
                on conflict do nothing
                returning id""").params(params).query(UUID.class).optional();
        if (inserted.isEmpty()) {
            return Optional.empty();
        }
        replaceLines(organization, id, stripe);
        return find(organization, id);
    }

    private void replaceLines(OrganizationId organization, InvoiceId id, com.stripe.model.Invoice stripe) {
        if (stripe.getLines() == null || stripe.getLines().getData() == null) {
            return;
        }
        jdbc.sql("delete from invoice_lines where organization_id = ? and invoice_id = ?")
                .params(organization.id(), id.id()).update();
        List<InvoiceLineItem> lines = stripe.getLines().getData();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLineItem line = lines.get(i);
            String price = line.getPricing() == null || line.getPricing().getPriceDetails() == null ? null
                    : line.getPricing().getPriceDetails().getPrice();
            String[] rates = line.getTaxes() == null ? new String[0] : line.getTaxes().stream()
                    .filter(tax -> tax.getTaxRateDetails() != null)
                    .map(tax -> tax.getTaxRateDetails().getTaxRate()).toArray(String[]::new);
            jdbc.sql("""
                    insert into invoice_lines (organization_id, invoice_id, position, stripe_line_id, description,
                        quantity, stripe_price_id, currency, amount, tax, discount, tax_rates, period_start,
                        period_end)
                    values (:organization, :invoice, :position, :stripe, :description, :quantity, :price, :currency,
                        :amount, :tax, :discount, :rates, :start, :end)""")
                    .param("organization", organization.id()).param("invoice", id.id()).param("position", i)
                    .param("stripe", line.getId()).param("description", line.getDescription())
                    .param("quantity", line.getQuantity() == null ? 1L : line.getQuantity()).param("price", price)
                    .param("currency", line.getCurrency() == null ? stripe.getCurrency() : line.getCurrency())
                    .param("amount", line.getAmount() == null ? 0L : line.getAmount())
                    .param("tax", line.getTaxes() == null ? 0L : line.getTaxes().stream()
                            .mapToLong(tax -> tax.getAmount() == null ? 0 : tax.getAmount()).sum())
                    .param("discount", line.getDiscountAmounts() == null ? 0L : line.getDiscountAmounts().stream()
                            .mapToLong(d -> d.getAmount() == null ? 0 : d.getAmount()).sum())
                    .param("rates", rates)
                    .param("start", line.getPeriod() == null ? null : time(line.getPeriod().getStart()))
                    .param("end", line.getPeriod() == null ? null : time(line.getPeriod().getEnd()))
                    .update();
        }
    }

    private Map<String, Object> params(OrganizationId organization, com.stripe.model.Invoice stripe,
            CustomerId customer, Long eventCreated) {
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        params.put("stripe", stripe.getId());
        params.put("customer", customer == null ? null : customer.id());
        params.put("stripeCustomer", stripe.getCustomer());
        params.put("subscription", stripe.getParent() == null || stripe.getParent().getSubscriptionDetails() == null
                ? null : stripe.getParent().getSubscriptionDetails().getSubscription());
        params.put("status", InvoiceStatus.parse(stripe.getStatus()).map(InvoiceStatus::code)
                .orElse(StripeCodes.code(InvoiceStatus.UNKNOWN)));
        params.put("collection", stripe.getCollectionMethod() == null ? InvoiceDraft.CHARGE_AUTOMATICALLY
                : stripe.getCollectionMethod());
        params.put("number", stripe.getNumber());
        params.put("currency", stripe.getCurrency());
        params.put("subtotal", orZero(stripe.getSubtotal()));
        params.put("tax", stripe.getTotalTaxes() == null ? 0L : stripe.getTotalTaxes().stream()
                .mapToLong(tax -> orZero(tax.getAmount())).sum());
        params.put("discount", stripe.getTotalDiscountAmounts() == null ? 0L : stripe.getTotalDiscountAmounts()
                .stream().mapToLong(d -> orZero(d.getAmount())).sum());
        params.put("total", orZero(stripe.getTotal()));
        params.put("due", orZero(stripe.getAmountDue()));
        params.put("paid", orZero(stripe.getAmountPaid()));
        params.put("remaining", orZero(stripe.getAmountRemaining()));
        params.put("dueDate", time(stripe.getDueDate()));
        params.put("periodStart", time(stripe.getPeriodStart()));
        params.put("periodEnd", time(stripe.getPeriodEnd()));
        params.put("hosted", stripe.getHostedInvoiceUrl());
        params.put("pdf", stripe.getInvoicePdf());
        params.put("description", stripe.getDescription());
        var transitions = stripe.getStatusTransitions();
        params.put("finalizedAt", transitions == null ? null : time(transitions.getFinalizedAt()));
        params.put("paidAt", transitions == null ? null : time(transitions.getPaidAt()));
        params.put("eventCreated", eventCreated);
        params.put("now", OffsetDateTime.now(clock));
        return params;
    }

    Optional<Invoice> find(OrganizationId organization, InvoiceId id) {
        return jdbc.sql("select * from invoices where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(this::row).optional();
    }

    List<InvoiceLine> lines(OrganizationId organization, InvoiceId id) {
        return jdbc.sql("select * from invoice_lines where organization_id = ? and invoice_id = ? order by position")
                .params(organization.id(), id.id()).query(InvoiceRecords::line).list();
    }

    List<Invoice> list(OrganizationId organization, InvoiceQuery query, Instant now) {
        Map<String, Object> params = new HashMap<>();
        String sql = select(organization, query, now, params) + " order by created_at desc, id desc limit :limit";
        params.put("limit", query.limit());
        return jdbc.sql(sql).params(params).query(this::row).list();
    }

    /** Every invoice the query matches, newest first, handed over one at a time (not held in memory). */
    void export(OrganizationId organization, InvoiceQuery query, Instant now, Consumer<Invoice> each) {
        Map<String, Object> params = new HashMap<>();
        String sql = select(organization, query, now, params) + " order by created_at desc, id desc";
        try (var rows = jdbc.sql(sql).params(params).withFetchSize(500).query(this::row).stream()) {
            rows.forEach(each);
        }
    }

    private static String select(OrganizationId organization, InvoiceQuery query, Instant now,
            Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("select * from invoices where organization_id = :organization");
        params.put("organization", organization.id());
        if (query.status() != null) {
            sql.append(" and status = :status");
            params.put("status", query.status().code());
        }
        if (query.customer() != null) {
            sql.append(" and customer_id = :customer");
            params.put("customer", query.customer().id());
        }
        if (query.createdFrom() != null) {
            sql.append(" and created_at >= :from");
            params.put("from", query.createdFrom());
        }
        if (query.createdBefore() != null) {
            sql.append(" and created_at < :before");
            params.put("before", query.createdBefore());
        }
        if (query.overdue()) {
            sql.append(" and status = 'open' and due_date < :now");
            params.put("now", now.atOffset(ZoneOffset.UTC));
        }
        if (query.startingAfter() != null) {
            sql.append(" and (created_at, id) < (select created_at, id from invoices "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", query.startingAfter().id());
        }
        return sql.toString();
    }

    /** One row of the statistics: a group's count and amounts, in one currency. */
    record Figure(String group, String currency, long count, long amount) {
    }

    /**
     * Invoices created in [from, to), per group and currency: {@code open} (not yet due), {@code overdue} (open, past
     * due), {@code paid}, {@code uncollectible}; the amount is what was paid for paid ones, what remains for others.
     */
    List<Figure> figures(OrganizationId organization, Instant from, Instant to, Instant now) {
        return jdbc.sql("""
                select case when status = 'open' and due_date < :now then 'overdue' else status end as grp,
                       currency, count(*) as n,
                       sum(case when status = 'paid' then amount_paid else amount_remaining end) as amount
                from invoices
                where organization_id = :organization and created_at >= :from and created_at < :to
                  and status in ('open', 'paid', 'uncollectible')
                group by grp, currency order by currency, grp""")
                .param("organization", organization.id()).param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC)).param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new Figure(rs.getString("grp"), rs.getString("currency"), rs.getLong("n"),
                        rs.getLong("amount"))).list();
    }

    private Versioned versioned(ResultSet rs, int row) throws SQLException {
        long created = rs.getLong("stripe_event_created");
        return new Versioned(row(rs, row), rs.wasNull() ? null : created, false);
    }

    private static InvoiceLine line(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        Array rates = rs.getArray("tax_rates");
        return new InvoiceLine(rs.getInt("position"), rs.getString("stripe_line_id"), rs.getString("description"),
                rs.getLong("quantity"), rs.getString("stripe_price_id"), Money.of(rs.getLong("amount"), currency),
                Money.of(rs.getLong("tax"), currency), Money.of(rs.getLong("discount"), currency),
                rates == null ? List.of() : Arrays.asList((String[]) rates.getArray()),
                rs.getObject("period_start", OffsetDateTime.class), rs.getObject("period_end", OffsetDateTime.class));
    }

    private Invoice row(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        UUID customer = rs.getObject("customer_id", UUID.class);
        return new Invoice(new InvoiceId(rs.getObject("id", UUID.class)), rs.getString("stripe_invoice_id"),
                customer == null ? null : new CustomerId(customer), rs.getString("stripe_customer_id"),
                rs.getString("stripe_subscription_id"), InvoiceStatus.of(rs.getString("status")),
                rs.getString("collection_method"), rs.getString("number"), currency,
                money(rs, "subtotal", currency), money(rs, "tax", currency), money(rs, "discount", currency),
                money(rs, "total", currency), money(rs, "amount_due", currency), money(rs, "amount_paid", currency),
                money(rs, "amount_remaining", currency), rs.getObject("due_date", OffsetDateTime.class),
                rs.getObject("period_start", OffsetDateTime.class), rs.getObject("period_end", OffsetDateTime.class),
                rs.getString("hosted_invoice_url"), rs.getString("invoice_pdf"), rs.getString("description"),
                rs.getBoolean("paid_out_of_band"), rs.getObject("finalized_at", OffsetDateTime.class),
                rs.getObject("paid_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static Money money(ResultSet rs, String column, String currency) throws SQLException {
        return Money.of(rs.getLong(column), currency);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static OffsetDateTime time(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC);
    }
}
