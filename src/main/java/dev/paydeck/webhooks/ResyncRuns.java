package dev.paydeck.webhooks;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Resyncs started by a person from the webhook page: the resync of {@code POST /api/v1/resync} run in the
 * background, its progress and report kept in the database so that the page, polling any instance, shows them. One
 * at a time per organization: starting while one runs answers the running one.
 */
@Service
public class ResyncRuns {

    private static final Logger log = LoggerFactory.getLogger(ResyncRuns.class);
    /** A running resync that has not moved for this long lost its instance. */
    private static final Duration STALE_AFTER = Duration.ofHours(1);

    private final StripeWebhooks webhooks;
    private final ResyncRunRecords records;

    ResyncRuns(StripeWebhooks webhooks, ResyncRunRecords records) {
        this.webhooks = webhooks;
        this.records = records;
    }

    /** Starts a resync of the organization in the background (or finds the one running); answers it. */
    public ResyncRun start(OrganizationId organization, String actor) {
        UUID id = UUID.randomUUID();
        if (!records.start(organization, id, actor, webhooks.resyncParts(), STALE_AFTER)) {
            return records.running(organization).orElseGet(() -> start(organization, actor));
        }
        Thread.ofVirtual().name("resync-" + organization).start(() -> run(organization, id));
        return records.find(organization, id).orElseThrow();
    }

    public Optional<ResyncRun> find(OrganizationId organization, UUID id) {
        return records.find(organization, id);
    }

    /** The organization's newest resync started from the page, if any. */
    public Optional<ResyncRun> latest(OrganizationId organization) {
        return records.latest(organization);
    }

    private void run(OrganizationId organization, UUID id) {
        List<StripeResync.Report> reports = new ArrayList<>();
        try {
            webhooks.resync(organization, new StripeWebhooks.ResyncProgress() {
                @Override
                public void starting(String objects, int done, int total) {
                    records.progress(organization, id, objects, reports);
                }

                @Override
                public void finished(StripeResync.Report report) {
                    reports.add(report);
                    records.progress(organization, id, null, reports);
                }
            });
            records.finish(organization, id, reports, null);
        } catch (ResyncFailedException e) {
            records.finish(organization, id, reports, e.objects());
        } catch (RuntimeException e) {
            log.warn("Resync {} of organization {} failed: {}", id, organization, e.getClass().getSimpleName());
            records.finish(organization, id, reports, "error");
        }
    }
}
