package dev.paydeck.customers;

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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The {@code customers} table; every query is scoped to one organization. */
@Repository
class CustomerRecords {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CustomerRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void insertPending(OrganizationId organization, CustomerId id, CustomerDraft draft, String idempotencyKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into customers (organization_id, id, email, name, phone, description, metadata, status,
                    idempotency_key, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, 'pending', ?, ?, ?)""")
                .params(organization.id(), id.id(), draft.email(), draft.name(), draft.phone(), draft.description(),
                        json.writeValueAsString(draft.metadata() == null ? Map.of() : draft.metadata()),
                        idempotencyKey, now, now)
                .update();
    }

    /** The customer a page form with this key created (kept while it is pending or active). */
    Optional<Customer> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select * from customers where organization_id = ? and idempotency_key = ?")
                .params(organization.id(), key).query(this::row).optional();
    }

    /** The draft a pending customer was made from (for re-sending its create). */
    CustomerDraft draftOf(Customer customer) {
        return new CustomerDraft(customer.email(), customer.name(), customer.phone(), customer.description(),
                customer.metadata());
    }

    /** Customers still pending a while after their creation, claimed for the janitor across instances. */
    List<Unresolved.Claimed<CustomerId>> claimPending(long olderThanSeconds, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update customers set updated_at = :now where (organization_id, id) in (
                    select organization_id, id from customers
                    where status = 'pending' and updated_at < :now - make_interval(secs => :older)
                    order by updated_at limit :limit for update skip locked)
                returning organization_id, id""")
                .param("now", now).param("older", olderThanSeconds).param("limit", limit)
                .query((rs, row) -> new Unresolved.Claimed<>(new OrganizationId(rs.getObject(1, UUID.class)),
                        new CustomerId(rs.getObject(2, UUID.class))))
                .list();
    }

    /** Makes the local record what Stripe says the customer is (by local id). */
    void apply(OrganizationId organization, CustomerId id, com.stripe.model.Customer stripe) {
        jdbc.sql("""
                update customers set stripe_customer_id = ?, email = ?, name = ?, phone = ?, description = ?,
                    metadata = ?::jsonb, status = 'active', updated_at = ?
                where organization_id = ? and id = ? and status <> 'deleted'""")
                .params(stripe.getId(), stripe.getEmail(), stripe.getName(), stripe.getPhone(),
                        stripe.getDescription(), metadataOf(stripe), OffsetDateTime.now(clock), organization.id(),
                        id.id())
                .update();
    }

    /** Inserts or refreshes a customer known from Stripe (e.g. created in the Stripe dashboard). */
    CustomerId upsertFromStripe(OrganizationId organization, com.stripe.model.Customer stripe) {
        return jdbc.sql("""
                insert into customers (organization_id, id, stripe_customer_id, email, name, phone, description,
                    metadata, status, created_at, updated_at)
                values (:organization, :id, :stripe, :email, :name, :phone, :description, :metadata::jsonb, 'active',
                    :now, :now)
                on conflict (organization_id, stripe_customer_id) do update set
                    email = excluded.email, name = excluded.name, phone = excluded.phone,
                    description = excluded.description, metadata = excluded.metadata, updated_at = :now
                    where customers.status <> 'deleted'
                returning id""")
                .param("organization", organization.id()).param("id", UUID.randomUUID())
                .param("now", OffsetDateTime.now(clock))
                .param("stripe", stripe.getId()).param("email", stripe.getEmail()).param("name", stripe.getName())
                .param("phone", stripe.getPhone()).param("description", stripe.getDescription())
                .param("metadata", metadataOf(stripe))
                .query(UUID.class).optional().map(CustomerId::new).orElse(null);
    }

    /** The customer's metadata as the organization set it (without the link Paydeck adds for itself). */
    private String metadataOf(com.stripe.model.Customer stripe) {
        Map<String, String> metadata = new java.util.HashMap<>(stripe.getMetadata() == null ? Map.of()
                : stripe.getMetadata());
        metadata.remove(Customers.PAYDECK_ID);
        return json.writeValueAsString(metadata);
    }

    void markDeleted(OrganizationId organization, CustomerId id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("update customers set status = 'deleted', deleted_at = ?, updated_at = ? "
                        + "where organization_id = ? and id = ?")
                .params(now, now, organization.id(), id.id()).update();
    }

    void remove(OrganizationId organization, CustomerId id) {
        jdbc.sql("delete from customers where organization_id = ? and id = ? and status = 'pending'")
                .params(organization.id(), id.id()).update();
    }

    Optional<Customer> find(OrganizationId organization, CustomerId id) {
        return jdbc.sql("select * from customers where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(this::row).optional();
    }

    Optional<Customer> findByStripeId(OrganizationId organization, String stripeId) {
        return jdbc.sql("select * from customers where organization_id = ? and stripe_customer_id = ?")
                .params(organization.id(), stripeId).query(this::row).optional();
    }

    /** A page, newest first; {@code search} matches email or name (case-insensitive, substring). */
    List<Customer> list(OrganizationId organization, String search, int limit, CustomerId startingAfter) {
        StringBuilder sql = new StringBuilder(filter(search));
        Map<String, Object> params = params(organization, search);
        if (startingAfter != null) {
            sql.append(" and (created_at, id) < (select created_at, id from customers "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", startingAfter.id());
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    /**
     * Every customer the search matches, newest first, one at a time: PostgreSQL's cursor hands them over a few
     * hundred at a time (in the caller's transaction), so memory stays flat however many there are.
     */
    void forEach(OrganizationId organization, String search, Consumer<Customer> each) {
        try (Stream<Customer> rows = jdbc.sql(filter(search) + " order by created_at desc, id desc")
                .params(params(organization, search)).withFetchSize(500).query(this::row).stream()) {
            rows.forEach(each);
        }
    }

    private static String filter(String search) {
        return "select * from customers where organization_id = :organization and status <> 'deleted'"
                + (search != null && !search.isBlank() ? " and (lower(email) like :search or lower(name) like :search)"
                : "");
    }

    private static Map<String, Object> params(OrganizationId organization, String search) {
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        if (search != null && !search.isBlank()) {
            params.put("search", "%" + search.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return params;
    }

    private Customer row(ResultSet rs, int row) throws SQLException {
        return new Customer(new CustomerId(rs.getObject("id", UUID.class)), rs.getString("stripe_customer_id"),
                rs.getString("email"), rs.getString("name"), rs.getString("phone"), rs.getString("description"),
                json.readValue(rs.getString("metadata"), METADATA), CustomerStatus.of(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
