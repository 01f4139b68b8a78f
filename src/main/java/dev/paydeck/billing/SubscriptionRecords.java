package dev.paydeck.billing;

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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The {@code subscriptions} and {@code subscription_items} tables; every query is scoped to one organization. */
@Repository
class SubscriptionRecords {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };
    private static final List<String> FINAL = SubscriptionStatus.ORDER.finalStatuses().stream()
            .map(SubscriptionStatus::code).toList();

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    SubscriptionRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A subscription with {@code created} of the newest Stripe event applied to it (null if none). */
    record Versioned(Subscription subscription, Long eventCreated, boolean recordedNow, String rowVersion) {

        Versioned(Subscription subscription, Long eventCreated, boolean recordedNow) {
            this(subscription, eventCreated, recordedNow, null);
        }
    }

    /** A subscription before and after a change. */
    record Applied(Subscription before, Subscription after) {
    }

    /** Filters of a list; each null means any. */
    record Filters(SubscriptionStatus status, CustomerId customer, PriceId price) {
    }

    void insertPending(OrganizationId organization, SubscriptionId id, SubscriptionDraft draft,
            String stripeCustomerId, Price price, String idempotencyKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into subscriptions (organization_id, id, customer_id, stripe_customer_id, status,
                    collection_method, days_until_due, trial_period_days, currency, metadata, idempotency_key,
                    payment_behavior, created_at, updated_at)
                values (:organization, :id, :customer, :stripeCustomer, 'pending', :method, :days, :trial, :currency,
                    :metadata::jsonb, :key, :behavior, :now, :now)""")
                .param("organization", organization.id()).param("id", id.id())
                .param("customer", draft.customer().id()).param("stripeCustomer", stripeCustomerId)
                .param("method", draft.collectionMethod()).param("days", draft.daysUntilDue())
                .param("trial", draft.trialPeriodDays()).param("currency", price.currency())
                .param("metadata", json.writeValueAsString(draft.metadata() == null ? Map.of() : draft.metadata()))
                .param("key", idempotencyKey).param("behavior", draft.paymentBehavior()).param("now", now)
                .update();
        insertItem(organization, id, 0, null, price.stripePriceId(), draft.quantity(),
                price.unitAmount() == null ? null : price.unitAmount().minor(), price.currency());
    }

    /** How the subscription's first payment is taken, when not Stripe's default. */
    Optional<String> paymentBehavior(OrganizationId organization, SubscriptionId id) {
        return jdbc.sql("select payment_behavior from subscriptions where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(String.class).optional();
    }

    private void insertItem(OrganizationId organization, SubscriptionId id, int position, String stripeItemId,
            String stripePriceId, long quantity, Long unitAmount, String currency) {
        jdbc.sql("""
                insert into subscription_items (organization_id, subscription_id, position, stripe_item_id, price_id,
                    stripe_price_id, quantity, unit_amount, currency)
                values (:organization, :id, :position, :item,
                    (select p.id from prices p where p.organization_id = :organization
                        and p.stripe_price_id = :price), :price, :quantity, :amount, :currency)""")
                .param("organization", organization.id()).param("id", id.id()).param("position", position)
                .param("item", stripeItemId).param("price", stripePriceId).param("quantity", quantity)
                .param("amount", unitAmount).param("currency", currency)
                .update();
    }

    Optional<Subscription> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select * from subscriptions where organization_id = ? and idempotency_key = ?")
                .params(organization.id(), key).query(this::row).optional().map(s -> withItems(organization, s));
    }

    void markUnknown(OrganizationId organization, SubscriptionId id) {
        jdbc.sql("update subscriptions set status = 'unknown', updated_at = ? where organization_id = ? and id = ? "
                        + "and status = 'pending'")
                .params(OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    void remove(OrganizationId organization, SubscriptionId id) {
        jdbc.sql("delete from subscriptions where organization_id = ? and id = ? and status in ('pending', 'unknown')")
                .params(organization.id(), id.id()).update();
    }

    List<Unresolved.Claimed<SubscriptionId>> claimUnresolved(long olderThanSeconds, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update subscriptions set updated_at = :now where (organization_id, id) in (
                    select organization_id, id from subscriptions
                    where status in ('pending', 'unknown') and updated_at < :now - make_interval(secs => :older)
                    order by updated_at limit :limit for update skip locked)
                returning organization_id, id""")
                .param("now", now).param("older", olderThanSeconds).param("limit", limit)
                .query((rs, row) -> new Unresolved.Claimed<>(new OrganizationId(rs.getObject(1, UUID.class)),
                        new SubscriptionId(rs.getObject(2, UUID.class))))
                .list();
    }

    /**
     * Makes the record what Stripe says the subscription is (a final status stays), with its items;
     * {@code eventCreated} is the event's time when the object comes from one (null otherwise). Empty if no record.
     */
    Optional<Applied> apply(OrganizationId organization, SubscriptionId id, com.stripe.model.Subscription stripe,
            Long eventCreated, CustomerId customer) {
        Optional<Subscription> before = lock(organization, id);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> params = params(organization, stripe);
        params.put("id", id.id());
        params.put("final", FINAL);
        params.put("created", eventCreated);
        params.put("customer", customer == null ? null : customer.id());
        jdbc.sql("""
                update subscriptions s set stripe_subscription_id = :stripe,
                    customer_id = coalesce(:customer, s.customer_id), stripe_customer_id = :stripeCustomer,
                    status = case when s.status in (:final) then s.status else :status end,
                    collection_method = :method, days_until_due = :days, currency = :currency,
                    current_period_start = :periodStart, current_period_end = :periodEnd, trial_start = :trialStart,
                    trial_end = :trialEnd, cancel_at_period_end = :cancelAtPeriodEnd, canceled_at = :canceledAt,
                    ended_at = :endedAt, latest_invoice = :latestInvoice, metadata = :metadata::jsonb,
                    stripe_event_created = case when cast(:created as bigint) is null then s.stripe_event_created
                        else greatest(coalesce(s.stripe_event_created, 0), cast(:created as bigint)) end,
                    updated_at = :now
                where s.organization_id = :organization and s.id = :id""")
                .params(params).update();
        replaceItems(organization, id, stripe);
        return Optional.of(new Applied(before.get(), find(organization, id).orElseThrow()));
    }

    /** Records a subscription Paydeck has not seen; empty when another transaction recorded it meanwhile. */
    Optional<Subscription> insertFromStripe(OrganizationId organization, SubscriptionId id,
            com.stripe.model.Subscription stripe, Long eventCreated, CustomerId customer) {
        Map<String, Object> params = params(organization, stripe);
        params.put("id", id.id());
        params.put("created", eventCreated);
        params.put("customer", customer == null ? null : customer.id());
        int inserted = jdbc.sql("""
                insert into subscriptions (organization_id, id, stripe_subscription_id, customer_id,
                    stripe_customer_id, status, collection_method, days_until_due, currency, current_period_start,
                    current_period_end, trial_start, trial_end, cancel_at_period_end, canceled_at, ended_at,
                    latest_invoice, metadata, stripe_event_created, created_at, updated_at)
                values (:organization, :id, :stripe, :customer, :stripeCustomer, :status, :method, :days, :currency,
                    :periodStart, :periodEnd, :trialStart, :trialEnd, :cancelAtPeriodEnd, :canceledAt, :endedAt,
                    :latestInvoice, :metadata::jsonb, :created, :now, :now)
                on conflict do nothing""")
                .params(params).update();
        if (inserted == 0) {
            return Optional.empty();
        }
        replaceItems(organization, id, stripe);
        return find(organization, id);
    }

    private void replaceItems(OrganizationId organization, SubscriptionId id, com.stripe.model.Subscription stripe) {
        if (stripe.getItems() == null || stripe.getItems().getData() == null) {
            return;
        }
        jdbc.sql("delete from subscription_items where organization_id = ? and subscription_id = ?")
                .params(organization.id(), id.id()).update();
        int position = 0;
        for (var item : stripe.getItems().getData()) {
            var price = item.getPrice();
            insertItem(organization, id, position++, item.getId(), price.getId(),
                    item.getQuantity() == null ? 1 : item.getQuantity(), price.getUnitAmount(),
                    price.getCurrency() == null ? stripe.getCurrency() : price.getCurrency());
        }
    }

    private Map<String, Object> params(OrganizationId organization, com.stripe.model.Subscription stripe) {
        Map<String, Object> params = new HashMap<>();
        var first = stripe.getItems() == null || stripe.getItems().getData() == null
                || stripe.getItems().getData().isEmpty() ? null : stripe.getItems().getData().getFirst();
        params.put("organization", organization.id());
        params.put("stripe", stripe.getId());
        params.put("stripeCustomer", stripe.getCustomer());
        params.put("status", stripe.getStatus());
        params.put("method", stripe.getCollectionMethod() == null ? SubscriptionDraft.CHARGE_AUTOMATICALLY
                : stripe.getCollectionMethod());
        params.put("days", stripe.getDaysUntilDue() == null ? null : Math.toIntExact(stripe.getDaysUntilDue()));
        params.put("currency", stripe.getCurrency());
        params.put("periodStart", time(first == null ? null : first.getCurrentPeriodStart()));
        params.put("periodEnd", time(first == null ? null : first.getCurrentPeriodEnd()));
        params.put("trialStart", time(stripe.getTrialStart()));
        params.put("trialEnd", time(stripe.getTrialEnd()));
        params.put("cancelAtPeriodEnd", Boolean.TRUE.equals(stripe.getCancelAtPeriodEnd()));
        params.put("canceledAt", time(stripe.getCanceledAt()));
        params.put("endedAt", time(stripe.getEndedAt()));
        params.put("latestInvoice", stripe.getLatestInvoice());
        Map<String, String> metadata = new HashMap<>(stripe.getMetadata() == null ? Map.of() : stripe.getMetadata());
        metadata.remove(Subscriptions.PAYDECK_ID);
        params.put("metadata", json.writeValueAsString(metadata));
        params.put("now", OffsetDateTime.now(clock));
        return params;
    }

    private static OffsetDateTime time(Long epochSecond) {
        return epochSecond == null ? null : Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC);
    }

    Optional<Subscription> find(OrganizationId organization, SubscriptionId id) {
        return jdbc.sql("select * from subscriptions where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(this::row).optional().map(s -> withItems(organization, s));
    }

    private Optional<Subscription> lock(OrganizationId organization, SubscriptionId id) {
        return jdbc.sql("select * from subscriptions where organization_id = ? and id = ? for update")
                .params(organization.id(), id.id()).query(this::row).optional().map(s -> withItems(organization, s));
    }

    Optional<Versioned> findByStripeId(OrganizationId organization, String stripeId) {
        return jdbc.sql("select *, xmin::text as row_version from subscriptions "
                        + "where organization_id = ? and stripe_subscription_id = ?")
                .params(organization.id(), stripeId).query(this::versioned).optional()
                .map(v -> new Versioned(withItems(organization, v.subscription()), v.eventCreated(), false,
                        v.rowVersion()));
    }

    Optional<Versioned> lockByStripeId(OrganizationId organization, String stripeId) {
        return jdbc.sql("select *, xmin::text as row_version from subscriptions "
                        + "where organization_id = ? and stripe_subscription_id = ? for update")
                .params(organization.id(), stripeId).query(this::versioned).optional()
                .map(v -> new Versioned(withItems(organization, v.subscription()), v.eventCreated(), false,
                        v.rowVersion()));
    }

    Optional<Versioned> lockVersioned(OrganizationId organization, SubscriptionId id) {
        // Without its version: a record found by Paydeck's id (not yet linked to Stripe's) was not seen before a read.
        return jdbc.sql("select *, xmin::text as row_version from subscriptions "
                        + "where organization_id = ? and id = ? for update")
                .params(organization.id(), id.id()).query(this::versioned).optional()
                .map(v -> new Versioned(withItems(organization, v.subscription()), v.eventCreated(), false));
    }

    /** A page, newest first. */
    List<Subscription> list(OrganizationId organization, Filters filters, int limit, SubscriptionId startingAfter) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = where(organization, filters, params);
        if (startingAfter != null) {
            sql.append(" and (s.created_at, s.id) < (select created_at, id from subscriptions "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", startingAfter.id());
        }
        sql.append(" order by s.created_at desc, s.id desc limit :limit");
        params.put("limit", limit);
        return withItems(organization, jdbc.sql(sql.toString()).params(params).query(this::row).list());
    }

    /** Every subscription the filters keep, newest first, a batch at a time (for exports). */
    void export(OrganizationId organization, Filters filters, Consumer<Subscription> each) {
        SubscriptionId after = null;
        while (true) {
            List<Subscription> batch = list(organization, filters, 500, after);
            batch.forEach(each);
            if (batch.size() < 500) {
                return;
            }
            after = batch.getLast().id();
        }
    }

    /** The subscriptions that need someone (past_due, unpaid, incomplete), the most urgent (oldest) first. */
    List<Subscription> needingAttention(OrganizationId organization, int limit) {
        return withItems(organization, jdbc.sql("""
                select * from subscriptions where organization_id = :organization and status in (:statuses)
                order by updated_at, id limit :limit""")
                .param("organization", organization.id()).param("statuses", attention())
                .param("limit", limit).query(this::row).list());
    }

    long countNeedingAttention(OrganizationId organization) {
        return jdbc.sql("select count(*) from subscriptions where organization_id = :organization "
                        + "and status in (:statuses)")
                .param("organization", organization.id()).param("statuses", attention()).query(Long.class).single();
    }

    private static List<String> attention() {
        return SubscriptionStatus.NEEDING_ATTENTION.stream().map(SubscriptionStatus::code).toList();
    }

    private static StringBuilder where(OrganizationId organization, Filters filters, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("select s.* from subscriptions s where s.organization_id = :organization");
        params.put("organization", organization.id());
        if (filters.status() != null) {
            sql.append(" and s.status = :status");
            params.put("status", filters.status().code());
        }
        if (filters.customer() != null) {
            sql.append(" and s.customer_id = :customer");
            params.put("customer", filters.customer().id());
        }
        if (filters.price() != null) {
            sql.append(" and exists (select 1 from subscription_items i where i.organization_id = s.organization_id"
                    + " and i.subscription_id = s.id and i.price_id = :price)");
            params.put("price", filters.price().id());
        }
        return sql;
    }

    private Subscription withItems(OrganizationId organization, Subscription subscription) {
        return withItems(organization, List.of(subscription)).getFirst();
    }

    private List<Subscription> withItems(OrganizationId organization, List<Subscription> subscriptions) {
        if (subscriptions.isEmpty()) {
            return subscriptions;
        }
        Map<UUID, List<Subscription.Item>> items = new LinkedHashMap<>();
        subscriptions.forEach(s -> items.put(s.id().id(), new ArrayList<>()));
        jdbc.sql("select * from subscription_items where organization_id = ? and subscription_id = any(?) "
                        + "order by subscription_id, position")
                .params(organization.id(), items.keySet().toArray(UUID[]::new))
                .query((rs, row) -> {
                    UUID price = rs.getObject("price_id", UUID.class);
                    long amount = rs.getLong("unit_amount");
                    Money unitAmount = rs.wasNull() ? null : Money.of(amount, rs.getString("currency"));
                    items.get(rs.getObject("subscription_id", UUID.class)).add(new Subscription.Item(
                            rs.getString("stripe_item_id"), price == null ? null : new PriceId(price),
                            rs.getString("stripe_price_id"), rs.getLong("quantity"), unitAmount));
                    return null;
                }).list();
        return subscriptions.stream().map(s -> new Subscription(s.id(), s.stripeSubscriptionId(), s.customer(),
                s.stripeCustomerId(), s.status(), s.collectionMethod(), s.daysUntilDue(), s.trialPeriodDays(),
                s.currency(), List.copyOf(items.get(s.id().id())), s.currentPeriodStart(), s.currentPeriodEnd(),
                s.trialStart(), s.trialEnd(), s.cancelAtPeriodEnd(), s.canceledAt(), s.endedAt(), s.latestInvoice(),
                s.metadata(), s.createdAt(), s.updatedAt())).toList();
    }

    /** A row with its version when the query selects one ({@code xmin}: it changes with every update of the row). */
    /** A row selected with {@code xmin::text as row_version}. */
    private Versioned versioned(ResultSet rs, int row) throws SQLException {
        return new Versioned(row(rs, row), rs.getObject("stripe_event_created", Long.class), false,
                rs.getString("row_version"));
    }

    private Subscription row(ResultSet rs, int row) throws SQLException {
        UUID customer = rs.getObject("customer_id", UUID.class);
        return new Subscription(new SubscriptionId(rs.getObject("id", UUID.class)),
                rs.getString("stripe_subscription_id"), customer == null ? null : new CustomerId(customer),
                rs.getString("stripe_customer_id"), SubscriptionStatus.of(rs.getString("status")),
                rs.getString("collection_method"), rs.getObject("days_until_due", Integer.class),
                rs.getObject("trial_period_days", Integer.class), rs.getString("currency"), List.of(),
                rs.getObject("current_period_start", OffsetDateTime.class),
                rs.getObject("current_period_end", OffsetDateTime.class),
                rs.getObject("trial_start", OffsetDateTime.class), rs.getObject("trial_end", OffsetDateTime.class),
                rs.getBoolean("cancel_at_period_end"), rs.getObject("canceled_at", OffsetDateTime.class),
                rs.getObject("ended_at", OffsetDateTime.class), rs.getString("latest_invoice"),
                json.readValue(rs.getString("metadata"), METADATA),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
