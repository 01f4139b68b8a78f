package dev.paydeck.billing;

import dev.paydeck.shared.Money;
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

/** The {@code prices} table; every query is scoped to one organization. */
@Repository
class PriceRecords {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    PriceRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void insertPending(OrganizationId organization, PriceId id, ProductId product, PriceDraft draft,
            String idempotencyKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into prices (organization_id, id, product_id, currency, unit_amount, type, recurring_interval,
                    recurring_interval_count, billing_scheme, tiers_mode, tiers, lookup_key, nickname, metadata,
                    status, idempotency_key, created_at, updated_at)
                values (:organization, :id, :product, :currency, :amount, :type, :interval, :count, :scheme,
                    :mode, :tiers::jsonb, :lookup, :nickname, :metadata::jsonb, 'pending', :key, :now, :now)""")
                .param("organization", organization.id()).param("id", id.id()).param("product", product.id())
                .param("currency", draft.currency())
                .param("amount", draft.unitAmount() == null ? null : draft.unitAmount().minor())
                .param("scheme", draft.tiers() == null ? "per_unit" : "tiered")
                .param("mode", draft.tiers() == null ? null : draft.tiers().mode())
                .param("tiers", draft.tiers() == null ? null : json.writeValueAsString(draft.tiers().tiers().stream()
                        .map(PriceRecords::tierJson).toList()))
                .param("type", draft.recurring() == null ? "one_time" : "recurring")
                .param("interval", draft.recurring() == null ? null : draft.recurring().interval().code())
                .param("count", draft.recurring() == null ? null : draft.recurring().intervalCount())
                .param("lookup", draft.lookupKey()).param("nickname", draft.nickname())
                .param("metadata", json.writeValueAsString(draft.metadata() == null ? Map.of() : draft.metadata()))
                .param("key", idempotencyKey).param("now", now)
                .update();
    }

    Optional<Price> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select * from prices where organization_id = ? and idempotency_key = ?")
                .params(organization.id(), key).query(this::row).optional();
    }

    /** The draft a pending price was made from (for re-sending its create). */
    PriceDraft draftOf(Price price) {
        return new PriceDraft(price.unitAmount(), price.tiers(), price.recurring(), price.lookupKey(), false,
                price.nickname(),
                price.metadata());
    }

    void markUnknown(OrganizationId organization, PriceId id) {
        jdbc.sql("update prices set status = 'unknown', updated_at = ? where organization_id = ? and id = ? "
                        + "and status = 'pending'")
                .params(OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    void remove(OrganizationId organization, PriceId id) {
        jdbc.sql("delete from prices where organization_id = ? and id = ? and status in ('pending', 'unknown')")
                .params(organization.id(), id.id()).update();
    }

    List<Unresolved.Claimed<PriceId>> claimUnresolved(long olderThanSeconds, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update prices set updated_at = :now where (organization_id, id) in (
                    select organization_id, id from prices
                    where status in ('pending', 'unknown') and updated_at < :now - make_interval(secs => :older)
                    order by updated_at limit :limit for update skip locked)
                returning organization_id, id""")
                .param("now", now).param("older", olderThanSeconds).param("limit", limit)
                .query((rs, row) -> new Unresolved.Claimed<>(new OrganizationId(rs.getObject(1, UUID.class)),
                        new PriceId(rs.getObject(2, UUID.class))))
                .list();
    }

    /** Makes the local record what Stripe says the price is (by local id). */
    void apply(OrganizationId organization, PriceId id, com.stripe.model.Price stripe) {
        Map<String, Object> params = params(organization, stripe);
        params.put("id", id.id());
        jdbc.sql("""
                update prices set stripe_price_id = :stripe, currency = :currency, unit_amount = :amount,
                    type = :type, recurring_interval = :interval, recurring_interval_count = :count,
                    billing_scheme = :scheme, tiers_mode = :mode, tiers = coalesce(:tiers::jsonb, prices.tiers),
                    lookup_key = :lookup, nickname = :nickname,
                    metadata = :metadata::jsonb, status = :status, updated_at = :now
                where organization_id = :organization and id = :id""")
                .params(params).update();
    }

    /** Records (or refreshes) a price Stripe has, by its Stripe id, under the local product; the local id. */
    PriceId upsertFromStripe(OrganizationId organization, ProductId product, com.stripe.model.Price stripe) {
        Map<String, Object> params = params(organization, stripe);
        params.put("id", UUID.randomUUID());
        params.put("product", product.id());
        return jdbc.sql("""
                insert into prices (organization_id, id, product_id, stripe_price_id, currency, unit_amount, type,
                    recurring_interval, recurring_interval_count, billing_scheme, tiers_mode, tiers, lookup_key,
                    nickname, metadata, status, created_at, updated_at)
                values (:organization, :id, :product, :stripe, :currency, :amount, :type, :interval, :count, :scheme,
                    :mode, :tiers::jsonb, :lookup, :nickname, :metadata::jsonb, :status, :now, :now)
                on conflict (organization_id, stripe_price_id) do update set
                    lookup_key = excluded.lookup_key, nickname = excluded.nickname, metadata = excluded.metadata,
                    tiers = coalesce(excluded.tiers, prices.tiers), status = excluded.status, updated_at = :now
                returning id""")
                .params(params).query(UUID.class).optional().map(PriceId::new).orElse(null);
    }

    private Map<String, Object> params(OrganizationId organization, com.stripe.model.Price stripe) {
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        params.put("stripe", stripe.getId());
        params.put("currency", stripe.getCurrency());
        params.put("amount", stripe.getUnitAmount());
        boolean recurring = stripe.getRecurring() != null;
        params.put("type", recurring ? "recurring" : "one_time");
        params.put("interval", recurring ? stripe.getRecurring().getInterval() : null);
        params.put("count", recurring ? Math.toIntExact(stripe.getRecurring().getIntervalCount()) : null);
        params.put("scheme", "tiered".equals(stripe.getBillingScheme()) ? "tiered" : "per_unit");
        params.put("mode", stripe.getTiersMode());
        // Stripe lists a price's tiers only when asked (expand[]=tiers): without them, the ones kept stay.
        params.put("tiers", stripe.getTiers() == null ? null : json.writeValueAsString(stripe.getTiers().stream()
                .map(tier -> {
                    Map<String, Object> one = new HashMap<>();
                    one.put("up_to", tier.getUpTo());
                    one.put("unit_amount", tier.getUnitAmount());
                    one.put("flat_amount", tier.getFlatAmount());
                    return one;
                }).toList()));
        params.put("lookup", stripe.getLookupKey());
        params.put("nickname", stripe.getNickname());
        Map<String, String> metadata = new HashMap<>(stripe.getMetadata() == null ? Map.of() : stripe.getMetadata());
        metadata.remove(Prices.PAYDECK_ID);
        params.put("metadata", json.writeValueAsString(metadata));
        params.put("status", StripeCodes.code(Boolean.FALSE.equals(stripe.getActive()) ? PriceStatus.ARCHIVED
                : PriceStatus.ACTIVE));
        params.put("now", OffsetDateTime.now(clock));
        return params;
    }

    Optional<Price> find(OrganizationId organization, PriceId id) {
        return jdbc.sql("select * from prices where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(this::row).optional();
    }

    Optional<Price> findByStripeId(OrganizationId organization, String stripeId) {
        return jdbc.sql("select * from prices where organization_id = ? and stripe_price_id = ?")
                .params(organization.id(), stripeId).query(this::row).optional();
    }

    /** The product's prices, oldest first. */
    List<Price> ofProduct(OrganizationId organization, ProductId product) {
        return jdbc.sql("select * from prices where organization_id = ? and product_id = ? order by created_at, id")
                .params(organization.id(), product.id()).query(this::row).list();
    }

    /** The prices of these products, oldest first. */
    List<Price> ofProducts(OrganizationId organization, List<ProductId> products) {
        if (products.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from prices where organization_id = ? and product_id = any(?) "
                        + "order by created_at, id")
                .params(organization.id(), products.stream().map(ProductId::id).toArray(UUID[]::new))
                .query(this::row).list();
    }

    /** A page, newest first; each filter null means any. */
    List<Price> list(OrganizationId organization, PriceStatus status, String type, ProductId product, int limit,
            PriceId startingAfter) {
        StringBuilder sql = new StringBuilder("select * from prices where organization_id = :organization");
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        if (status != null) {
            sql.append(" and status = :status");
            params.put("status", status.code());
        }
        if (type != null) {
            sql.append(" and type = :type");
            params.put("type", type);
        }
        if (product != null) {
            sql.append(" and product_id = :product");
            params.put("product", product.id());
        }
        if (startingAfter != null) {
            sql.append(" and (created_at, id) < (select created_at, id from prices "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", startingAfter.id());
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    private static Map<String, Object> tierJson(Price.Tier tier) {
        Map<String, Object> one = new HashMap<>();
        one.put("up_to", tier.upTo());
        one.put("unit_amount", tier.unitAmount() == null ? null : tier.unitAmount().minor());
        one.put("flat_amount", tier.flatAmount() == null ? null : tier.flatAmount().minor());
        return one;
    }

    private Price.Tiers tiers(String mode, String tiers, String currency) {
        if (mode == null || tiers == null) {
            return null;
        }
        List<Map<String, Long>> rows = json.readValue(tiers, new TypeReference<List<Map<String, Long>>>() {
        });
        return new Price.Tiers(mode, rows.stream().map(tier -> new Price.Tier(tier.get("up_to"),
                tier.get("unit_amount") == null ? null : Money.of(tier.get("unit_amount"), currency),
                tier.get("flat_amount") == null ? null : Money.of(tier.get("flat_amount"), currency))).toList());
    }

    private Price row(ResultSet rs, int row) throws SQLException {
        String currency = rs.getString("currency");
        long amount = rs.getLong("unit_amount");
        Money unitAmount = rs.wasNull() ? null : Money.of(amount, currency);
        String interval = rs.getString("recurring_interval");
        Price.Recurring recurring = interval == null ? null : new Price.Recurring(
                StripeCodes.of(Price.Interval.class, interval), rs.getInt("recurring_interval_count"));
        return new Price(new PriceId(rs.getObject("id", UUID.class)), new ProductId(rs.getObject("product_id",
                UUID.class)), rs.getString("stripe_price_id"), unitAmount, currency, recurring,
                rs.getString("billing_scheme"), tiers(rs.getString("tiers_mode"), rs.getString("tiers"), currency),
                rs.getString("lookup_key"), rs.getString("nickname"),
                json.readValue(rs.getString("metadata"), METADATA), PriceStatus.of(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
