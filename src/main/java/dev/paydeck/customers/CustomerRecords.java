package dev.paydeck.customers;

import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code customers} table; every query is scoped to one organization. */
@Repository
class CustomerRecords {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CustomerRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insertPending(OrganizationId organization, UUID id, CustomerDraft draft) {
        jdbc.sql("""
                insert into customers (organization_id, id, email, name, phone, description, metadata, status)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, 'pending')""")
                .params(organization.id(), id, draft.email(), draft.name(), draft.phone(), draft.description(),
                        json.writeValueAsString(draft.metadata() == null ? Map.of() : draft.metadata()))
                .update();
    }

    /** Makes the local record what Stripe says the customer is (by local id). */
    void apply(OrganizationId organization, UUID id, com.stripe.model.Customer stripe) {
        jdbc.sql("""
                update customers set stripe_customer_id = ?, email = ?, name = ?, phone = ?, description = ?,
                    metadata = ?::jsonb, status = 'active', updated_at = now()
                where organization_id = ? and id = ?""")
                .params(stripe.getId(), stripe.getEmail(), stripe.getName(), stripe.getPhone(),
                        stripe.getDescription(), metadataOf(stripe), organization.id(), id)
                .update();
    }

    /** Inserts or refreshes a customer known from Stripe (e.g. created in the Stripe dashboard). */
    UUID upsertFromStripe(OrganizationId organization, com.stripe.model.Customer stripe) {
        return jdbc.sql("""
                insert into customers (organization_id, id, stripe_customer_id, email, name, phone, description,
                    metadata, status)
                values (:organization, :id, :stripe, :email, :name, :phone, :description, :metadata::jsonb, 'active')
                on conflict (organization_id, stripe_customer_id) do update set
                    email = excluded.email, name = excluded.name, phone = excluded.phone,
                    description = excluded.description, metadata = excluded.metadata, updated_at = now()
                    where customers.status <> 'deleted'
                returning id""")
                .param("organization", organization.id()).param("id", UUID.randomUUID())
                .param("stripe", stripe.getId()).param("email", stripe.getEmail()).param("name", stripe.getName())
                .param("phone", stripe.getPhone()).param("description", stripe.getDescription())
                .param("metadata", metadataOf(stripe))
                .query(UUID.class).optional().orElse(null);
    }

    /** The customer's metadata as the organization set it (without the link Paydeck adds for itself). */
    private String metadataOf(com.stripe.model.Customer stripe) {
        Map<String, String> metadata = new java.util.HashMap<>(stripe.getMetadata() == null ? Map.of()
                : stripe.getMetadata());
        metadata.remove(Customers.PAYDECK_ID);
        return json.writeValueAsString(metadata);
    }

    void markDeleted(OrganizationId organization, UUID id) {
        jdbc.sql("update customers set status = 'deleted', deleted_at = now(), updated_at = now() "
                        + "where organization_id = ? and id = ?")
                .params(organization.id(), id).update();
    }

    void remove(OrganizationId organization, UUID id) {
        jdbc.sql("delete from customers where organization_id = ? and id = ? and status = 'pending'")
                .params(organization.id(), id).update();
    }

    Optional<Customer> find(OrganizationId organization, UUID id) {
        return jdbc.sql("select * from customers where organization_id = ? and id = ?")
                .params(organization.id(), id).query(this::row).optional();
    }

    Optional<Customer> findByStripeId(OrganizationId organization, String stripeId) {
        return jdbc.sql("select * from customers where organization_id = ? and stripe_customer_id = ?")
                .params(organization.id(), stripeId).query(this::row).optional();
    }

    /** A page, newest first; {@code search} matches email or name (case-insensitive, substring). */
    List<Customer> list(OrganizationId organization, String search, int limit, UUID startingAfter) {
        StringBuilder sql = new StringBuilder("select * from customers where organization_id = :organization "
                + "and status <> 'deleted'");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("organization", organization.id());
        if (search != null && !search.isBlank()) {
            sql.append(" and (lower(email) like :search or lower(name) like :search)");
            params.put("search", "%" + search.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (startingAfter != null) {
            sql.append(" and (created_at, id) < (select created_at, id from customers "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", startingAfter);
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    private Customer row(ResultSet rs, int row) throws SQLException {
        return new Customer(rs.getObject("id", UUID.class), rs.getString("stripe_customer_id"),
                rs.getString("email"), rs.getString("name"), rs.getString("phone"), rs.getString("description"),
                json.readValue(rs.getString("metadata"), METADATA), rs.getString("status"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
