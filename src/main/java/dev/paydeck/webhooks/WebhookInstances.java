package dev.paydeck.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The Paydeck instances that process Stripe events ({@code webhook_instances}): this one's heartbeat, refreshed every
 * {@code heartbeat-interval}, and the takeover of a dead instance's claims. An event claimed by an instance whose
 * heartbeat is older than {@code heartbeat-timeout} (killed, crashed, its machine gone) is made due again at once, so
 * after a crash the events it held are processed within seconds instead of after the whole lease. The lease stays, for
 * an instance that is alive but stuck on an event.
 *
 * <p>Taking over is safe even from an instance that was only paused: a claim counts the attempt, and the paused
 * instance's finishing update names the attempt it had, so only one of the two commits its effects. The work is one
 * upsert and one indexed update per instance every few seconds, nothing per event (the claim only writes its id).
 * Times are the database's {@code now()}, the one clock all instances share ({@link WebhookInstanceRecords}).
 */
@Component
class WebhookInstances implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookInstances.class);

    private final WebhookInstanceRecords records;
    private final WebhookSettings settings;
    private final UUID id = UUID.randomUUID();
    /** For whoever reads the table: {@code pid@host}. */
    private final String name = ManagementFactory.getRuntimeMXBean().getName();
    private final Semaphore stopping = new Semaphore(0);

    private volatile boolean running;
    private Thread heartbeat;

    WebhookInstances(WebhookInstanceRecords records, WebhookSettings settings) {
        this.records = records;
        this.settings = settings;
    }

    /** This instance, as its claims name it. */
    UUID id() {
        return id;
    }

    /** Beats once before the processor claims anything, so that no claim names an instance nobody has seen alive. */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        tick();
        heartbeat = Thread.ofVirtual().name("stripe-event-heartbeat").start(this::run);
    }

    /**
     * Leaves after the processor stopped: what this instance still holds (an event whose listener outlived the
     * processor's stop) is due again at once, and its row goes, instead of others waiting for its heartbeat to age.
     */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopping.release();
        try {
            heartbeat.join(Duration.ofSeconds(5));
            int released = records.releaseClaims(id);
            records.delete(id);
            if (released > 0) {
                log.info("{} Stripe event(s) this instance still held are due again for other instances", released);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Stripe event instance {} could not sign off: {}", id, e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the processor (default phase), which claims in this instance's name, and stops after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void run() {
        while (running) {
            try {
                // Woken early only to stop; never interrupted, which would close the connection of a query under way.
                if (stopping.tryAcquire(settings.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            tick();
        }
    }

    private void tick() {
        try {
            beat();
            takeOver();
        } catch (RuntimeException e) {
            // Others may take this instance's claims over meanwhile; its next beat makes it alive again.
            log.warn("Stripe event instance {}: no heartbeat ({})", id, e.getMessage());
        }
    }

    private void beat() {
        records.beat(id, name);
    }

    /** Makes the claims of instances without a recent heartbeat due now, then forgets those instances. */
    private void takeOver() {
        List<UUID> owners = records.takeOverClaimsOfSilentInstances(id, settings.heartbeatTimeout());
        records.deleteSilent(settings.heartbeatTimeout());
        if (!owners.isEmpty()) {
            Map<UUID, Integer> byOwner = new TreeMap<>();
            owners.forEach(owner -> byOwner.merge(owner, 1, Integer::sum));
            byOwner.forEach((owner, count) -> log.info("Took over {} Stripe event(s) of instance {}, whose heartbeat "
                    + "stopped more than {} ago", count, owner, settings.heartbeatTimeout().toString().substring(2)
                    .toLowerCase()));
        }
    }
}
