package dev.paydeck.payments;

import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What the dashboard shows of an organization's payments, summed in the database (never by loading the payments):
 * the figures of each day, and the payments needing attention.
 */
@Service
public class PaymentFigures {

    /** A payment waiting this long for the customer or a confirmation (or Stripe's answer) is stuck. */
    static final Duration STUCK_AFTER = Duration.ofHours(1);

    private final PaymentFigureRecords figures;
    private final PaymentRecords payments;
    private final Clock clock;

    PaymentFigures(PaymentFigureRecords figures, PaymentRecords payments, Clock clock) {
        this.figures = figures;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * The figures of each day since {@code from} (the start of a day in {@code zone}), per currency, oldest first;
     * days without payments are left out.
     */
    public List<PaymentDay> days(OrganizationId organization, OffsetDateTime from, ZoneId zone) {
        return figures.days(organization, from, zone);
    }

    /**
     * Payments needing attention: held for capture, failed since {@code failedSince}, stuck for an hour or more, or
     * disputed; how many of each and the newest {@code limit}.
     */
    public PaymentsNeedingAttention needingAttention(OrganizationId organization, OffsetDateTime failedSince,
            int limit) {
        OffsetDateTime stuckBefore = OffsetDateTime.now(clock).minus(STUCK_AFTER);
        PaymentFigureRecords.Counts counts = figures.attentionCounts(organization, failedSince, stuckBefore);
        List<PaymentsNeedingAttention.Item> newest = figures.newestNeedingAttention(organization, failedSince,
                        stuckBefore, limit).stream()
                .flatMap(flagged -> payments.find(organization, new PaymentId(flagged.payment())).stream()
                        .map(payment -> new PaymentsNeedingAttention.Item(payment, flagged.reason())))
                .toList();
        return new PaymentsNeedingAttention(counts.awaitingCapture(), counts.failed(), counts.stuck(),
                counts.disputed(), newest);
    }
}
