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
import java.util.Set;
import java.util.UUID;

/** The {@code tax_rates} table; every query is scoped to one organization. */
@Repository
class TaxRateRecords {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    TaxRateRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void insertPending(OrganizationId organization, TaxRateId id, TaxRateDraft draft, String idempotencyKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into tax_rates (organization_id, id, display_name, description, percentage, inclusive, country,
                    state, jurisdiction, metadata, status, idempotency_key, created_at, updated_at)
                values (:organization, :id, :name, :description, :percentage, :inclusive, :country, :state,
                    :jurisdiction, :metadata::jsonb, 'pending', :key, :now, :now)""")
                .param("organization", organization.id()).param("id", id.id()).param("name", draft.displayName())
                .param("description", draft.description()).param("percentage", draft.percentage())
                .param("inclusive", draft.inclusive()).param("country", draft.country())
                .param("state", draft.state()).param("jurisdiction", draft.jurisdiction())
                .param("metadata", json.writeValueAsString(draft.metadata() == null ? Map.of() : draft.metadata()))
                .param("key", idempotencyKey).param("now", now)
                .update();
    }

    Optional<TaxRate> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select * from tax_rates where organization_id = ? and idempotency_key = ?")
                .params(organization.id(), key).query(this::row).optional();
    }

    /** The create's answer never came: the record waits for the janitor. */
    void markUnknown(OrganizationId organization, TaxRateId id) {
        jdbc.sql("update tax_rates set status = 'unknown', updated_at = ? where organization_id = ? and id = ? "
                        + "and status = 'pending'")
                .params(OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    /** Stripe refused the create: nothing was made, so nothing is kept. */
    void remove(OrganizationId organization, TaxRateId id) {
        jdbc.sql("delete from tax_rates where organization_id = ? and id = ? and status in ('pending', 'unknown')")
                .params(organization.id(), id.id()).update();
    }

    /** Tax rates left pending or unknown a while after their last try, claimed for the janitor across instances. */
    List<Unresolved.Claimed<TaxRateId>> claimUnresolved(long olderThanSeconds, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update tax_rates set updated_at = :now where (organization_id, id) in (
                    select organization_id, id from tax_rates
                    where status in ('pending', 'unknown') and updated_at < :now - make_interval(secs => :older)
                    order by updated_at limit :limit for update skip locked)
                returning organization_id, id""")
                .param("now", now).param("older", olderThanSeconds).param("limit", limit)
                .query((rs, row) -> new Unresolved.Claimed<>(new OrganizationId(rs.getObject(1, UUID.class)),
                        new TaxRateId(rs.getObject(2, UUID.class))))
                .list();
    }

    /** Makes the local record what Stripe says the tax rate is (by local id). */
    void apply(OrganizationId organization, TaxRateId id, com.stripe.model.TaxRate stripe) {
        jdbc.sql("""
                update tax_rates set stripe_tax_rate_id = :stripe, display_name = :name, description = :description,
                    percentage = :percentage, inclusive = :inclusive, country = :country, state = :state,
                    jurisdiction = :jurisdiction, metadata = :metadata::jsonb, status = :status, updated_at = :now
                where organization_id = :organization and id = :id""")
                .params(fields(organization, id.id(), stripe)).update();
    }

    /** Records (or refreshes) a tax rate Stripe has, by its Stripe id. */
    void upsertFromStripe(OrganizationId organization, com.stripe.model.TaxRate stripe) {
        jdbc.sql("""
                insert into tax_rates (organization_id, id, stripe_tax_rate_id, display_name, description, percentage,
                    inclusive, country, state, jurisdiction, metadata, status, created_at, updated_at)
                values (:organization, :id, :stripe, :name, :description, :percentage, :inclusive, :country, :state,
                    :jurisdiction, :metadata::jsonb, :status, :now, :now)
                on conflict (organization_id, stripe_tax_rate_id) do update set
                    display_name = excluded.display_name, description = excluded.description,
                    country = excluded.country, state = excluded.state, jurisdiction = excluded.jurisdiction,
                    metadata = excluded.metadata, status = excluded.status, updated_at = :now""")
                .params(fields(organization, UUID.randomUUID(), stripe)).update();
    }

    private Map<String, Object> fields(OrganizationId organization, UUID id, com.stripe.model.TaxRate stripe) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("organization", organization.id());
        fields.put("id", id);
        fields.put("stripe", stripe.getId());
        fields.put("name", stripe.getDisplayName());
        fields.put("description", stripe.getDescription());
        fields.put("percentage", stripe.getPercentage());
        fields.put("inclusive", Boolean.TRUE.equals(stripe.getInclusive()));
        fields.put("country", stripe.getCountry());
        fields.put("state", stripe.getState());
        fields.put("jurisdiction", stripe.getJurisdiction());
        Map<String, String> metadata = new HashMap<>(stripe.getMetadata() == null ? Map.of() : stripe.getMetadata());
        metadata.remove(TaxRates.PAYDECK_ID);
        fields.put("metadata", json.writeValueAsString(metadata));
        fields.put("status", StripeCodes.code(statusOf(stripe)));
        fields.put("now", OffsetDateTime.now(clock));
        return fields;
    }

    static TaxRateStatus statusOf(com.stripe.model.TaxRate stripe) {
        return Boolean.FALSE.equals(stripe.getActive()) ? TaxRateStatus.ARCHIVED : TaxRateStatus.ACTIVE;
    }

    Optional<TaxRate> find(OrganizationId organization, TaxRateId id) {
        return jdbc.sql("select * from tax_rates where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(this::row).optional();
    }

    Optional<TaxRate> findByStripeId(OrganizationId organization, String stripeId) {
        return jdbc.sql("select * from tax_rates where organization_id = ? and stripe_tax_rate_id = ?")
                .params(organization.id(), stripeId).query(this::row).optional();
    }

    /** A page, newest first; {@code statuses} empty means any. */
    List<TaxRate> list(OrganizationId organization, Set<TaxRateStatus> statuses, int limit, TaxRateId startingAfter) {
        StringBuilder sql = new StringBuilder("select * from tax_rates where organization_id = :organization");
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        if (!statuses.isEmpty()) {
            sql.append(" and status in (:statuses)");
            params.put("statuses", statuses.stream().map(TaxRateStatus::code).toList());
        }
        if (startingAfter != null) {
            sql.append(" and (created_at, id) < (select created_at, id from tax_rates "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", startingAfter.id());
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    private TaxRate row(ResultSet rs, int row) throws SQLException {
        return new TaxRate(new TaxRateId(rs.getObject("id", UUID.class)), rs.getString("stripe_tax_rate_id"),
                rs.getString("display_name"), rs.getString("description"),
                CouponRecords.plain(rs.getBigDecimal("percentage")), rs.getBoolean("inclusive"),
                rs.getString("country"), rs.getString("state"), rs.getString("jurisdiction"),
                json.readValue(rs.getString("metadata"), METADATA), TaxRateStatus.of(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }
}
