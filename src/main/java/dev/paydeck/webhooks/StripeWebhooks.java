package dev.paydeck.webhooks;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import dev.paydeck.organizations.Organizations;
import dev.paydeck.organizations.WebhookSecrets;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Inbound Stripe events of organizations: verification and storage (the endpoint answers as soon as the event is
 * stored; processing follows on the queue), and the organization's view of its events with replay.
 */
@Service
public class StripeWebhooks {

    /**
     * What became of a request to the webhook endpoint: {@code UNAVAILABLE} when a verified event could not be stored
     * now (database unavailable, too many waiting, stopping). Stripe retries it; should a store that timed out still
     * have committed, the retry finds it and is answered as a {@code DUPLICATE}.
     */
    public enum Outcome { STORED, DUPLICATE, REJECTED, UNAVAILABLE }

    /** @param reason why a request was rejected, in words safe to show the sender */
    public record Receipt(Outcome outcome, UUID eventId, String reason) {
    }

    /** A stored event as the API shows it; {@code payload} only when one event is asked for. */
    public record EventView(UUID id, String stripeEventId, String type, String objectId, long created,
                            boolean livemode, String status, int attempts, String lastError,
                            OffsetDateTime receivedAt, OffsetDateTime processedAt, OffsetDateTime nextAttemptAt,
                            String payload) {
        static EventView of(WebhookEvents.Stored stored, String payload) {
            return new EventView(stored.id(), stored.stripeEventId(), stored.type(), stored.objectId(),
                    stored.created(), stored.livemode(), stored.status(), stored.attempts(), stored.lastError(),
                    stored.receivedAt(), stored.processedAt(), stored.nextAttemptAt(), payload);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(StripeWebhooks.class);

    private final WebhookSecrets secrets;
    private final Organizations organizations;
    private final WebhookEvents events;
    private final WebhookEventWriter writer;
    private final WebhookProcessor processor;
    private final WebhookSettings settings;
    private final WebhookMetrics metrics;
    private final JsonMapper json;
    private final org.springframework.beans.factory.ObjectProvider<StripeResync> resyncs;
    private final TransactionTemplate snapshot;

    StripeWebhooks(WebhookSecrets secrets, Organizations organizations, WebhookEvents events,
            WebhookEventWriter writer, WebhookProcessor processor, WebhookSettings settings, WebhookMetrics metrics,
            JsonMapper json,
            org.springframework.beans.factory.ObjectProvider<StripeResync> resyncs,
            PlatformTransactionManager transactionManager) {
        this.resyncs = resyncs;
        this.snapshot = new TransactionTemplate(transactionManager);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.secrets = secrets;
        this.organizations = organizations;
        this.events = events;
        this.writer = writer;
        this.processor = processor;
        this.settings = settings;
        this.metrics = metrics;
        this.json = json;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Verifies {@code Stripe-Signature} over the raw body with each of the organization's secrets (several
     * {@code v1} signatures are handled by stripe-java; the old secret counts during a rotation) and stores a valid
     * event, once per Stripe event id. A header that is not {@code t=<timestamp>,v1=<signature>}, or whose timestamp
     * is further than the tolerance in the past or the future, is refused before any secret is tried. Never throws
     * for bad input: a refusal is a {@link Outcome#REJECTED} receipt, logged as one WARN line with its reason (never
     * the payload, the header or a secret).
     */
    public Receipt receive(String organizationId, String payload, String signature) {
        Optional<OrganizationId> organization = OrganizationId.parse(organizationId);
        if (organization.isEmpty()) {
            // Only a parsed id reaches the log: the path is the sender's text.
            return rejected("(not an organization id)", "unknown_organization", "unknown organization");
        }
        return receive(organization.get(), payload, signature);
    }

    /**
     * {@link #receive} for the address without an organization id ({@code /webhooks/stripe}) of single-organization
     * set-ups: the event is the default organization's, the one {@code paydeck.webhooks.default-organization} names,
     * otherwise the only one. With several organizations and no setting, it is rejected.
     */
    public Receipt receiveForDefaultOrganization(String payload, String signature) {
        Optional<OrganizationId> organization = settings.defaultOrganization() != null
                ? Optional.of(new OrganizationId(settings.defaultOrganization())) : organizations.only();
        if (organization.isEmpty()) {
            return rejected("(none by default)", "no_default_organization", "this Paydeck has several organizations "
                    + "(or none) and no paydeck.webhooks.default-organization, so the organization id must be in the "
                    + "URL (/webhooks/stripe/{organizationId})");
        }
        return receive(organization.get(), payload, signature);
    }

    private Receipt receive(OrganizationId organization, String payload, String signature) {
        String who = organization.toString();
        List<String> candidates = secrets.forOrganization(organization);
        if (candidates.isEmpty()) {
            return rejected(who, "unknown_organization",
                    "unknown organization, or no webhook signing secret configured for it");
        }
        if (signature == null || signature.isBlank()) {
            return rejected(who, "no_signature", "no Stripe-Signature header");
        }
        Optional<StripeSignatureHeader> header = StripeSignatureHeader.parse(signature);
        if (header.isEmpty()) {
            // Read here, not by stripe-java alone: it lets a malformed timestamp escape as a NumberFormatException.
            return rejected(who, "malformed_signature",
                    "malformed Stripe-Signature header (expected t=<timestamp>,v1=<signature>)");
        }
        if (!header.get().within(settings.tolerance(), Instant.now())) {
            return rejected(who, "stale",
                    "signature timestamp outside the tolerance (stale, replayed or in the future)");
        }
        boolean verified = false;
        for (String secret : candidates) {
            try {
                // The check Webhook.constructEvent makes before it builds the Event: HMAC-SHA256 of "t.payload" under
                // the secret against each v1 signature. The event itself is read by EventEnvelope below
                // (constructEvent would build all of stripe-java's model with Gson).
                verified = Webhook.Signature.verifyHeader(payload, signature, secret, settings.tolerance().toSeconds());
                break;
            } catch (SignatureVerificationException e) {
                // Not this secret's signature; the next one (the previous secret, during a rotation) may match.
            }
        }
        if (!verified) {
            return rejected(who, "bad_signature", "signature does not match");
        }
        Optional<EventEnvelope> read = EventEnvelope.read(json, payload);
        if (read.isEmpty()) {
            // The signature matched but the body is not a Stripe event (not JSON, wrong shape, no id/type/created).
            return rejected(who, "malformed", "the body is not a Stripe event with an id, a type and created");
        }
        EventEnvelope event = read.get();
        WebhookEvents.NewEvent stored = new WebhookEvents.NewEvent(organization, UUID.randomUUID(), event.id(),
                event.type(), event.objectId(), event.created(), event.livemode(), payload);
        boolean inserted;
        try {
            inserted = writer.store(stored);
        } catch (WebhookEventWriter.StoreFailed e) {
            metrics.received("unavailable");
            log.warn("Stripe event {} of organization {} not stored: {}", event.id(), who, e.getMessage());
            return new Receipt(Outcome.UNAVAILABLE, null, "could not be stored now; please retry");
        }
        if (!inserted) {
            metrics.received("duplicate");
            log.debug("Stripe event {} of organization {} received again; already stored", event.id(), who);
            return new Receipt(Outcome.DUPLICATE, null, null);
        }
        metrics.received("stored");
        processor.wake();
        return new Receipt(Outcome.STORED, stored.id(), null);
    }

    public List<EventView> list(OrganizationId organization, String type, String status, OffsetDateTime from,
            OffsetDateTime before, int limit, UUID startingAfter) {
        return events.list(organization, new WebhookEvents.Query(type, status, from, before, limit, startingAfter))
                .stream().map(stored -> EventView.of(stored, null)).toList();
    }

    /**
     * The stored events about these Stripe objects (e.g. a PaymentIntent, its charges and refunds), oldest first,
     * for the history of one object.
     */
    public List<EventView> about(OrganizationId organization, java.util.Collection<String> objectIds, int limit) {
        return events.about(organization, objectIds, limit).stream().map(stored -> EventView.of(stored, null)).toList();
    }

    public Optional<EventView> find(OrganizationId organization, UUID id) {
        return events.find(organization, id)
                .map(stored -> EventView.of(stored, events.payload(organization, id).orElse(null)));
    }

    /** Processes a finished event again (listeners are idempotent); false when it is unknown or still pending. */
    public boolean replay(OrganizationId organization, UUID id) {
        boolean replayed = events.replay(organization, id);
        if (replayed) {
            processor.wake();
        }
        return replayed;
    }

    /** This instance's webhook figures since it started (all organizations): received, duplicates, lag... */
    public Map<String, String> instanceFigures() {
        WebhookMetrics.Snapshot snapshot = metrics.snapshot();
        Map<String, String> figures = new java.util.LinkedHashMap<>();
        figures.put("Stored", String.valueOf(snapshot.stored()));
        figures.put("Duplicates", String.valueOf(snapshot.duplicates()));
        figures.put("Rejected", String.valueOf(snapshot.rejected()));
        figures.put("Processed", String.valueOf(snapshot.processed()));
        figures.put("Failed attempts", String.valueOf(snapshot.failedAttempts()));
        figures.put("Handler time (mean)", String.format(java.util.Locale.ROOT, "%.1f ms",
                snapshot.processingMeanMillis()));
        figures.put("Lag (mean / max)", String.format(java.util.Locale.ROOT, "%.0f / %.0f ms",
                snapshot.lagMeanMillis(), snapshot.lagMaxMillis()));
        return figures;
    }

    /** How many of the organization's events are in each status (RECEIVED, PROCESSING, PROCESSED, FAILED, IGNORED). */
    public java.util.Map<String, Long> countsByStatus(OrganizationId organization) {
        return events.countsByStatus(organization);
    }

    /** Processes every FAILED event of the organization again; returns how many. */
    public int replayFailed(OrganizationId organization) {
        int count = events.replayFailed(organization);
        processor.wake();
        return count;
    }

    /** The organization's events in each status and the newest ones (of a status, or all), read at one instant. */
    public record EventsOverview(Map<String, Long> counts, List<EventView> events) {
    }

    /**
     * How many events are in each status and the newest {@code limit} (of {@code status} when given), read in one
     * snapshot, so that the counts and the rows agree even while events are being processed or replayed.
     */
    public EventsOverview overview(OrganizationId organization, String status, int limit) {
        return snapshot.execute(transaction -> new EventsOverview(events.countsByStatus(organization),
                list(organization, null, status, null, null, limit, null)));
    }

    /** When the newest event arrived, how many failed for good and how many wait: the dashboard's webhook health. */
    public WebhookHealth health(OrganizationId organization) {
        return events.health(organization);
    }

    /**
     * Re-reads the organization's objects from Stripe through every module's {@link StripeResync} and repairs the
     * local copies; one report per module.
     */
    public List<StripeResync.Report> resync(OrganizationId organization) {
        return resync(organization, new ResyncProgress() {
        });
    }

    /** Hears how a resync goes: each part before it starts, and its report once done. */
    interface ResyncProgress {

        default void starting(String objects, int done, int total) {
        }

        default void finished(StripeResync.Report report) {
        }
    }

    /** How many parts a resync has (one per module that mirrors Stripe objects). */
    int resyncParts() {
        return (int) resyncs.orderedStream().count();
    }

    List<StripeResync.Report> resync(OrganizationId organization, ResyncProgress progress) {
        List<StripeResync.Report> reports = new java.util.ArrayList<>();
        List<StripeResync> parts = resyncs.orderedStream().toList();
        for (StripeResync part : parts) {
            progress.starting(part.objects(), reports.size(), parts.size());
            try {
                StripeResync.Report report = part.resync(organization);
                reports.add(report);
                progress.finished(report);
            } catch (Exception e) {
                log.warn("Resync of {} for organization {} failed: {}", part.objects(), organization,
                        e.getClass().getSimpleName());
                throw new ResyncFailedException(part.objects(), e);
            }
        }
        return reports;
    }

    private Receipt rejected(String organization, String reason, String detail) {
        metrics.rejected(reason);
        log.warn("Stripe webhook for organization {} rejected: {}", organization, detail);
        return new Receipt(Outcome.REJECTED, null, detail);
    }
}
