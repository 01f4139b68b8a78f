package dev.paydeck.payments;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The dashboard's aggregates over the {@code payments} and {@code disputes} tables of one organization: sums per day
 * read from the covering index {@code payments_listing}, and the payments needing attention from the partial index
 * {@code payments_open} (those not final), so that neither reads every payment of a large organization.
 */
@Repository
class PaymentFigureRecords {

    /** Dispute statuses in which the organization still has something to do or to wait for. */
    private static final List<String> OPEN_DISPUTES = List.of("warning_needs_response", "needs_response",
            "warning_under_review", "under_review");

    private static final String FAILED = "status = 'requires_payment_method' and last_error_code is not null "
            + "and created_at >= :failedSince";
    private static final String STUCK = "(status = 'unknown' or (status in ('pending', 'requires_confirmation', "
            + "'requires_action') and updated_at < :stuckBefore))";

    private final JdbcClient jdbc;

    PaymentFigureRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per day (days of {@code zone} starting at {@code from}, the start of a day) and currency, oldest first. */
    List<PaymentDay> days(OrganizationId organization, OffsetDateTime from, ZoneId zone) {
        return jdbc.sql("""
                select date_bin('1 day', created_at, :from) as day, currency,
                    count(*) filter (where amount_received > 0) as count,
                    coalesce(sum(amount_received), 0) as received,
                    coalesce(sum(amount_refunded) filter (where amount_received > 0), 0) as refunded,
                    count(*) filter (where status in ('succeeded', 'requires_capture')) as succeeded,
                    count(*) filter (where last_error_code is not null
                        and status not in ('succeeded', 'requires_capture')) as failed
                from payments where organization_id = :organization and created_at >= :from
                group by 1, 2 order by 1, 2""")
                .param("organization", organization.id()).param("from", from)
                .query((rs, row) -> {
                    String currency = rs.getString("currency");
                    return new PaymentDay(rs.getObject("day", OffsetDateTime.class).atZoneSameInstant(zone)
                            .toLocalDate(), rs.getLong("count"), Money.of(rs.getLong("received"), currency),
                            Money.of(rs.getLong("refunded"), currency), rs.getLong("succeeded"),
                            rs.getLong("failed"));
                })
                .list();
    }

    record Counts(long awaitingCapture, long failed, long stuck, long disputed) {
    }

    Counts attentionCounts(OrganizationId organization, OffsetDateTime failedSince, OffsetDateTime stuckBefore) {
        Counts payments = jdbc.sql("""
                select count(*) filter (where status = 'requires_capture') as awaiting_capture,
                    count(*) filter (where %s) as failed, count(*) filter (where %s) as stuck
                from payments where organization_id = :organization and status not in ('succeeded', 'canceled')"""
                        .formatted(FAILED, STUCK))
                .param("organization", organization.id()).param("failedSince", failedSince)
                .param("stuckBefore", stuckBefore)
                .query((rs, row) -> new Counts(rs.getLong("awaiting_capture"), rs.getLong("failed"),
                        rs.getLong("stuck"), 0))
                .single();
        long disputed = jdbc.sql("select count(*) from disputes where organization_id = :organization "
                        + "and status in (:open)")
                .param("organization", organization.id()).param("open", OPEN_DISPUTES).query(Long.class).single();
        return new Counts(payments.awaitingCapture(), payments.failed(), payments.stuck(), disputed);
    }

    record Flagged(UUID payment, PaymentsNeedingAttention.Reason reason) {
    }

    /** The newest payments needing attention (disputed ones first, as they have deadlines), at most {@code limit}. */
    List<Flagged> newestNeedingAttention(OrganizationId organization, OffsetDateTime failedSince,
            OffsetDateTime stuckBefore, int limit) {
        List<Flagged> disputed = jdbc.sql("""
                select payment_id from disputes where organization_id = :organization and status in (:open)
                    and payment_id is not null
                order by created desc limit :limit""")
                .param("organization", organization.id()).param("open", OPEN_DISPUTES).param("limit", limit)
                .query((rs, row) -> new Flagged(rs.getObject(1, UUID.class),
                        PaymentsNeedingAttention.Reason.DISPUTED))
                .list();
        List<Flagged> others = jdbc.sql("""
                select id, case when status = 'requires_capture' then 'AWAITING_CAPTURE'
                    when %1$s then 'FAILED' else 'STUCK' end as reason
                from payments where organization_id = :organization and status not in ('succeeded', 'canceled')
                    and (status = 'requires_capture' or (%1$s) or %2$s)
                order by created_at desc limit :limit""".formatted(FAILED, STUCK))
                .param("organization", organization.id()).param("failedSince", failedSince)
                .param("stuckBefore", stuckBefore).param("limit", limit)
                .query((rs, row) -> new Flagged(rs.getObject(1, UUID.class),
                        PaymentsNeedingAttention.Reason.valueOf(rs.getString(2))))
                .list();
        return java.util.stream.Stream.concat(disputed.stream(), others.stream()).limit(limit).toList();
    }
}
