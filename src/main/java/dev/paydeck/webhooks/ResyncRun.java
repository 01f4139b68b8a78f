package dev.paydeck.webhooks;

import dev.paydeck.shared.mirror.StripeResync;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A resync started from the webhook page: {@code running} (with the part being read and how many are done),
 * {@code done} with a report per part, or {@code failed} with why (Stripe could not be read, or the instance running
 * it stopped).
 */
public record ResyncRun(UUID id, String status, String startedBy, String currentPart, int partsDone, int partsTotal,
                        List<StripeResync.Report> reports, String error, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt) {

    public boolean running() {
        return "running".equals(status);
    }

    /** How many local records the resync created or repaired, over all parts. */
    public int changes() {
        return reports.stream().mapToInt(report -> report.changes().size()).sum();
    }

    /** Done share in percent, for a progress bar. */
    public int percent() {
        return partsTotal == 0 ? 100 : Math.min(100, partsDone * 100 / partsTotal);
    }
}
