package dev.paydeck.billing;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCodes;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The {@code coupons} table; every query is scoped to one organization. */
@Repository
class CouponRecords {

    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    CouponRecords(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    void insertPending(OrganizationId organization, CouponId id, CouponDraft draft, String idempotencyKey) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("""
                insert into coupons (organization_id, id, name, percent_off, amount_off, currency, duration,
                    duration_in_months, max_redemptions, redeem_by, metadata, status, idempotency_key, created_at,
                    updated_at)
                values (:organization, :id, :name, :percentOff, :amountOff, :currency, :duration, :months,
                    :maxRedemptions, :redeemBy, :metadata::jsonb, 'pending', :key, :now, :now)""")
                .param("organization", organization.id()).param("id", id.id()).param("name", draft.name())
                .param("percentOff", draft.percentOff())
                .param("amountOff", draft.amountOff() == null ? null : draft.amountOff().minor())
                .param("currency", draft.amountOff() == null ? null : draft.amountOff().stripeCurrency())
                .param("duration", draft.duration().code()).param("months", draft.durationInMonths())
                .param("maxRedemptions", draft.maxRedemptions())
                .param("redeemBy", draft.redeemBy() == null ? null : draft.redeemBy().atOffset(ZoneOffset.UTC))
                .param("metadata", json.writeValueAsString(draft.metadata() == null ? Map.of() : draft.metadata()))
                .param("key", idempotencyKey).param("now", now)
                .update();
    }

    Optional<Coupon> byIdempotencyKey(OrganizationId organization, String key) {
        return jdbc.sql("select * from coupons where organization_id = ? and idempotency_key = ?")
                .params(organization.id(), key).query(this::row).optional();
    }

    /** The create's answer never came: the record waits for the janitor. */
    void markUnknown(OrganizationId organization, CouponId id) {
        jdbc.sql("update coupons set status = 'unknown', updated_at = ? where organization_id = ? and id = ? "
                        + "and status = 'pending'")
                .params(OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    /** Stripe refused the create: nothing was made, so nothing is kept. */
    void remove(OrganizationId organization, CouponId id) {
        jdbc.sql("delete from coupons where organization_id = ? and id = ? and status in ('pending', 'unknown')")
                .params(organization.id(), id.id()).update();
    }

    /** Coupons left pending or unknown a while after their last try, claimed for the janitor across instances. */
    List<Unresolved.Claimed<CouponId>> claimUnresolved(long olderThanSeconds, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("""
                update coupons set updated_at = :now where (organization_id, id) in (
                    select organization_id, id from coupons
                    where status in ('pending', 'unknown') and updated_at < :now - make_interval(secs => :older)
                    order by updated_at limit :limit for update skip locked)
                returning organization_id, id""")
                .param("now", now).param("older", olderThanSeconds).param("limit", limit)
                .query((rs, row) -> new Unresolved.Claimed<>(new OrganizationId(rs.getObject(1, UUID.class)),
                        new CouponId(rs.getObject(2, UUID.class))))
                .list();
    }

    /**
     * Makes the local record what Stripe says the coupon is (by local id), unless it is already deleted: the answer
     * to Paydeck's own call, or Stripe's current coupon.
     */
    void apply(OrganizationId organization, CouponId id, com.stripe.model.Coupon stripe) {
        jdbc.sql("""
                update coupons set stripe_coupon_id = :stripe, name = :name, percent_off = :percentOff,
                    amount_off = :amountOff, currency = :currency, duration = :duration,
                    duration_in_months = :months, max_redemptions = :maxRedemptions, redeem_by = :redeemBy,
                    times_redeemed = :timesRedeemed, metadata = :metadata::jsonb, status = :status, updated_at = :now
                where organization_id = :organization and id = :id and status <> 'deleted'""")
                .params(fields(organization, id.id(), stripe))
                .update();
    }

    /** Records (or refreshes) a coupon Stripe has, by its Stripe id; the local id. Null when deleted here. */
    CouponId upsertFromStripe(OrganizationId organization, com.stripe.model.Coupon stripe) {
        return jdbc.sql("""
                insert into coupons (organization_id, id, stripe_coupon_id, name, percent_off, amount_off, currency,
                    duration, duration_in_months, max_redemptions, redeem_by, times_redeemed, metadata, status,
                    created_at, updated_at)
                values (:organization, :id, :stripe, :name, :percentOff, :amountOff, :currency, :duration, :months,
                    :maxRedemptions, :redeemBy, :timesRedeemed, :metadata::jsonb, :status, :now, :now)
                on conflict (organization_id, stripe_coupon_id) do update set
                    name = excluded.name, times_redeemed = excluded.times_redeemed, metadata = excluded.metadata,
                    status = excluded.status, updated_at = :now
                    where coupons.status <> 'deleted'
                returning id""")
                .params(fields(organization, UUID.randomUUID(), stripe))
                .query(UUID.class).optional().map(CouponId::new).orElse(null);
    }

    private Map<String, Object> fields(OrganizationId organization, UUID id, com.stripe.model.Coupon stripe) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("organization", organization.id());
        fields.put("id", id);
        fields.put("stripe", stripe.getId());
        fields.put("name", stripe.getName());
        fields.put("percentOff", stripe.getPercentOff());
        fields.put("amountOff", stripe.getAmountOff());
        fields.put("currency", stripe.getAmountOff() == null ? null : stripe.getCurrency());
        fields.put("duration", stripe.getDuration());
        fields.put("months", "repeating".equals(stripe.getDuration()) && stripe.getDurationInMonths() != null
                ? stripe.getDurationInMonths().intValue() : null);
        fields.put("maxRedemptions", stripe.getMaxRedemptions());
        fields.put("redeemBy", stripe.getRedeemBy() == null ? null
                : Instant.ofEpochSecond(stripe.getRedeemBy()).atOffset(ZoneOffset.UTC));
        fields.put("timesRedeemed", stripe.getTimesRedeemed() == null ? 0L : stripe.getTimesRedeemed());
        fields.put("metadata", metadataOf(stripe));
        fields.put("status", StripeCodes.code(statusOf(stripe)));
        fields.put("now", OffsetDateTime.now(clock));
        return fields;
    }

    /** The Stripe ids of the coupons Paydeck holds as in Stripe ({@code valid} or {@code invalid}). */
    List<String> stripeIdsInStripe(OrganizationId organization) {
        return jdbc.sql("select stripe_coupon_id from coupons where organization_id = ? and status in ('valid', "
                        + "'invalid') and stripe_coupon_id is not null")
                .params(organization.id()).query(String.class).list();
    }

    void markDeleted(OrganizationId organization, CouponId id) {
        jdbc.sql("update coupons set status = 'deleted', updated_at = ? where organization_id = ? and id = ?")
                .params(OffsetDateTime.now(clock), organization.id(), id.id()).update();
    }

    static CouponStatus statusOf(com.stripe.model.Coupon stripe) {
        if (Boolean.TRUE.equals(stripe.getDeleted())) {
            return CouponStatus.DELETED;
        }
        return Boolean.FALSE.equals(stripe.getValid()) ? CouponStatus.INVALID : CouponStatus.VALID;
    }

    private String metadataOf(com.stripe.model.Coupon stripe) {
        Map<String, String> metadata = new HashMap<>(stripe.getMetadata() == null ? Map.of() : stripe.getMetadata());
        metadata.remove(Coupons.PAYDECK_ID);
        return json.writeValueAsString(metadata);
    }

    Optional<Coupon> find(OrganizationId organization, CouponId id) {
        return jdbc.sql("select * from coupons where organization_id = ? and id = ?")
                .params(organization.id(), id.id()).query(this::row).optional();
    }

    Optional<Coupon> findByStripeId(OrganizationId organization, String stripeId) {
        return jdbc.sql("select * from coupons where organization_id = ? and stripe_coupon_id = ?")
                .params(organization.id(), stripeId).query(this::row).optional();
    }

    /** A page, newest first; {@code statuses} empty means any but deleted. */
    List<Coupon> list(OrganizationId organization, Set<CouponStatus> statuses, int limit, CouponId startingAfter) {
        StringBuilder sql = new StringBuilder("select * from coupons where organization_id = :organization");
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.id());
        if (statuses.isEmpty()) {
            sql.append(" and status <> 'deleted'");
        } else {
            sql.append(" and status in (:statuses)");
            params.put("statuses", statuses.stream().map(CouponStatus::code).toList());
        }
        if (startingAfter != null) {
            sql.append(" and (created_at, id) < (select created_at, id from coupons "
                    + "where organization_id = :organization and id = :after)");
            params.put("after", startingAfter.id());
        }
        sql.append(" order by created_at desc, id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    private Coupon row(ResultSet rs, int row) throws SQLException {
        long amountOff = rs.getLong("amount_off");
        Money amount = rs.wasNull() ? null : Money.of(amountOff, rs.getString("currency"));
        BigDecimal percent = rs.getBigDecimal("percent_off");
        OffsetDateTime redeemBy = rs.getObject("redeem_by", OffsetDateTime.class);
        long maxRedemptions = rs.getLong("max_redemptions");
        Long max = rs.wasNull() ? null : maxRedemptions;
        int months = rs.getInt("duration_in_months");
        Integer durationInMonths = rs.wasNull() ? null : months;
        return new Coupon(new CouponId(rs.getObject("id", UUID.class)), rs.getString("stripe_coupon_id"),
                rs.getString("name"), percent == null ? null : plain(percent), amount,
                StripeCodes.of(Coupon.Duration.class, rs.getString("duration")), durationInMonths, max,
                redeemBy, rs.getLong("times_redeemed"),
                json.readValue(rs.getString("metadata"), METADATA), CouponStatus.of(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** 25, not 25.00: as Stripe writes a percentage. */
    static BigDecimal plain(BigDecimal decimal) {
        BigDecimal stripped = decimal.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
