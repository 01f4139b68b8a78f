package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCodes;
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

/** The {@code products} table; every query is scoped to one organization. */
@Repository
class ProductRecords {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ProductRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void insertPending(OrganizationId organization, ProductId id, ProductDraft draft, String idempotencyKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into products (organization_id, id, name, description, metadata, status, idempotency_key,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?::jsonb, 'pending', ?, ?, ?)""")
                .params(organization.id(), id.id(), draft.name(), draft.description(),
                        json.writeValueAsString(draft.metadata() == null ? Map.of() : draft.metadata()),
                        idempotencyKey, now, now)
                .update();
    }

    Optional<Product> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select * from products where organization_id = ? and idempotency_key = ?")
                .params(organization.id(), key).query(this::row).optional();
    }

    /** The create's answer never came: the record waits for the janitor. */
    void markUnknown(OrganizationId organization, ProductId id) {
        jdbc.sql("update products set status = 'unknown', updated_at = ? where organization_id = ? and id = ? "
                        + "and status = 'pending'")
                .params(OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    /** Stripe refused the create: nothing was made, so nothing is kept. */
    void remove(OrganizationId organization, ProductId id) {
        jdbc.sql("delete from products where organization_id = ? and id = ? and status in ('pending', 'unknown')")
                .params(organization.id(), id.id()).update();
    }

    /** Products left pending or unknown a while after their last try, claimed for the janitor across instances. */
    List<Unresolved.Claimed<ProductId>> claimUnresolved(long olderThanSeconds, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update products set updated_at = :now where (organization_id, id) in (
                    select organization_id, id from products
                    where status in ('pending', 'unknown') and updated_at < :now - make_interval(secs => :older)
                    order by updated_at limit :limit for update skip locked)
                returning organization_id, id""")
                .param("now", now).param("older", olderThanSeconds).param("limit", limit)
                .query((rs, row) -> new Unresolved.Claimed<>(new OrganizationId(rs.getObject(1, UUID.class)),
                        new ProductId(rs.getObject(2, UUID.class))))
                .list();
    }

    /**
     * Makes the local record what Stripe says the product is (by local id), unless it is already deleted: the
     * answer to Paydeck's own call, or Stripe's current product.
     */
    void apply(OrganizationId organization, ProductId id, com.stripe.model.Product stripe) {
        jdbc.sql("""
                update products set stripe_product_id = :stripe, name = :name, description = :description,
                    metadata = :metadata::jsonb, status = :status, updated_at = :now
                where organization_id = :organization and id = :id and status <> 'deleted'""")
                .param("organization", organization.id()).param("id", id.id())
                .param("stripe", stripe.getId()).param("name", stripe.getName())
                .param("description", stripe.getDescription()).param("metadata", metadataOf(stripe))
                .param("status", StripeCodes.code(statusOf(stripe))).param("now", OffsetDateTime.now(clock))
                .update();
    }

    /** Records (or refreshes) a product Stripe has, by its Stripe id; the local id. Null when deleted here. */
    ProductId upsertFromStripe(OrganizationId organization, com.stripe.model.Product stripe) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                insert into products (organization_id, id, stripe_product_id, name, description, metadata, status,
                    created_at, updated_at)
                values (:organization, :id, :stripe, :name, :description, :metadata::jsonb, :status, :now, :now)
                on conflict (organization_id, stripe_product_id) do update set
                    name = excluded.name, description = excluded.description, metadata = excluded.metadata,
                    status = excluded.status, updated_at = :now
                    where products.status <> 'deleted'
                returning id""")
                .param("organization", organization.id()).param("id", UUID.randomUUID()).param("now", now)
                .param("stripe", stripe.getId()).param("name", stripe.getName())
                .param("description", stripe.getDescription()).param("metadata", metadataOf(stripe))
                .param("status", StripeCodes.code(statusOf(stripe)))
                .query(UUID.class).optional().map(ProductId::new).orElse(null);
    }

    void markDeleted(OrganizationId organization, ProductId id) {
        jdbc.sql("update products set status = 'deleted', updated_at = ? where organization_id = ? and id = ?")
                .params(OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    static ProductStatus statusOf(com.stripe.model.Product stripe) {
        if (Boolean.TRUE.equals(stripe.getDeleted())) {
            return ProductStatus.DELETED;
        }
        return Boolean.FALSE.equals(stripe.getActive()) ? ProductStatus.ARCHIVED : ProductStatus.ACTIVE;
    }

    private String metadataOf(com.stripe.model.Product stripe) {
        Map<String, String> metadata = new HashMap<>(stripe.getMetadata() == null ? Map.of() : stripe.getMetadata());
        metadata.remove(Products.PAYDECK_ID);
        return json.writeValueAsString(metadata);
    }

    Optional<Product> find(OrganizationId organization, ProductId id) {
        return jdbc.sql("select * from products where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(this::row).optional();
    }

    Optional<Product> findByStripeId(OrganizationId organization, String stripeId) {
        return jdbc.sql("select * from products where organization_id = ? and stripe_product_id = ?")
                .params(organization.id(), stripeId).query(this::row).optional();
    }

    /** A page, newest first, deleted ones left out; {@code statuses} empty means any. */
    List<Product> list(OrganizationId organization, java.util.Set<ProductStatus> statuses, int limit,
            ProductId startingAfter) {
        StringBuilder sql = new StringBuilder("select * from products where organization_id = :organization "
                + "and status <> 'deleted'");
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        if (!statuses.isEmpty()) {
            sql.append(" and status in (:statuses)");
            params.put("statuses", statuses.stream().map(ProductStatus::code).toList());
        }
        if (startingAfter != null) {
            sql.append(" and (created_at, id) < (select created_at, id from products "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", startingAfter.id());
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    private Product row(ResultSet rs, int row) throws SQLException {
        return new Product(new ProductId(rs.getObject("id", UUID.class)), rs.getString("stripe_product_id"),
                rs.getString("name"), rs.getString("description"), json.readValue(rs.getString("metadata"), METADATA),
                ProductStatus.of(rs.getString("status")), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
