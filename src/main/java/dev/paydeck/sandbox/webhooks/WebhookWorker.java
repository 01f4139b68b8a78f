package dev.paydeck.sandbox.webhooks;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Delivers due webhook deliveries, on every Paydeck instance: it claims them from the database queue (so instances
 * share the work and never make the same attempt twice), sends each on its own virtual thread, and records the
 * outcome: success, a retry at the next step of the backoff schedule, or failure after the last attempt. It polls
 * (every {@code poll-interval}) and is woken at once when this instance records an event. Deliveries are rows, so
 * those pending when an instance stops are made by whichever instance runs next.
 * <p>
 * Successes are recorded by the worker's loop, all those since its last turn in one statement, before it claims
 * again (a test clock's year sends a hundred thousand webhooks: one statement each cost a third of the database's
 * time). A success not yet recorded when an instance dies is sent again once its claim's lease runs out, as Stripe
 * too may deliver an event twice.
 */
@Component("sandboxWebhookWorker")
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class WebhookWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);
    /** How long after emptying the queue the next claim waits, so that it finds several rows. */
    private static final long GATHER_NANOS = 20_000_000L;

    /** What a claim found: as many rows as free slots (claim again at once), fewer, or no free slot to fill. */
    private enum Claimed { ALL_ASKED, QUEUE_EMPTIED, NOTHING_FREE }

    /** How long past the timeout a claimed attempt stays this instance's before another may retry it. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    /**
     * At most this many deliveries handed over and not yet sent; more are left in the queue for any instance to claim.
     * Few enough to be sent well within their lease.
     */
    private static final int MAX_HANDED_OVER = 1_024;
    /** A handed-over delivery not started by then is left to its lease (so it is never sent twice at once). */
    private static final long HANDED_OVER_STALE_NANOS = LEASE_MARGIN.toNanos() / 2;

    private final WebhookDeliveries deliveries;
    private final ObjectStore store;
    private final SandboxClock clock;
    private final WebhookSettings settings;
    private final RetrySchedule schedule;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Semaphore slots;
    private final ConcurrentLinkedQueue<WebhookDeliveries.Delivered> delivered = new ConcurrentLinkedQueue<>();
    /** Deliveries stored as this instance's first attempts and committed, waiting for a free slot. */
    private final ConcurrentLinkedQueue<HandedOver> handedOver = new ConcurrentLinkedQueue<>();
    /** Those, plus those reserved by transactions not yet ended. */
    private final AtomicInteger reserved = new AtomicInteger();

    /** A delivery handed over by the transaction that stored it, and when. */
    private record HandedOver(WebhookDeliveries.Claim claim, long atNanos) {
    }

    private volatile boolean running;
    /** Deliveries were stored due since the last claim from the queue. */
    private volatile boolean queued;
    /** When the queue is next looked at though nobody said it has anything (retries, other instances' deliveries). */
    private long nextPoll;
    private Thread loop;
    private ExecutorService senders;
    private WebhookSender sender;

    WebhookWorker(WebhookDeliveries deliveries, ObjectStore store, SandboxClock clock, WebhookSettings settings) {
        this.deliveries = deliveries;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.schedule = settings.retrySchedule();
        this.slots = new Semaphore(Math.max(1, settings.maxConcurrent()));
    }

    /** Looks for due deliveries now instead of at the next poll. */
    void wake() {
        wakeUps.release();
    }

    /**
     * Makes room for {@code count} deliveries that a transaction is about to store as this instance's attempts: their
     * lease, or null when the worker is stopped or has too many waiting already (they are then stored due, for any
     * instance to claim).
     */
    Duration reserve(int count) {
        if (!running) {
            return null;
        }
        if (reserved.addAndGet(count) > MAX_HANDED_OVER) {
            reserved.addAndGet(-count);
            return null;
        }
        return lease();
    }

    /** Gives back what {@link #reserve} took, for deliveries that were not stored. */
    void release(int count) {
        reserved.addAndGet(-count);
    }

    /**
     * The reserved deliveries, stored: sent once the transaction commits (at once without one); given back if it
     * rolls back.
     */
    void handOverAfterCommit(List<WebhookDeliveries.Claim> claims) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            handOver(claims);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    handOver(claims);
                } else {
                    release(claims.size());
                }
            }
        });
    }

    private void handOver(List<WebhookDeliveries.Claim> claims) {
        long now = System.nanoTime();
        claims.forEach(claim -> handedOver.add(new HandedOver(claim, now)));
        wake();
    }

    private Duration lease() {
        return settings.timeout().plus(LEASE_MARGIN);
    }

    /**
     * Deliveries stored due (not handed over) are in the queue: the worker claims them once the transaction commits
     * (at once without one) instead of at its next poll.
     */
    void claimAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            claimSoon();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                claimSoon();
            }
        });
    }

    private void claimSoon() {
        queued = true;
        wake();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        senders = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sandbox-webhook-", 0).factory());
        sender = new WebhookSender(settings.timeout(), senders);
        loop = Thread.ofVirtual().name("sandbox-webhook-worker").start(this::run);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            loop.join(Duration.ofSeconds(5));
            senders.shutdown();
            if (!senders.awaitTermination(2, TimeUnit.SECONDS)) {
                senders.shutdownNow();
                senders.awaitTermination(2, TimeUnit.SECONDS);
            }
            recordDelivered();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long notBefore = 0;
        while (running) {
            long gathering = notBefore - System.nanoTime();
            if (gathering > 0) {
                LockSupport.parkNanos(gathering);
            }
            Claimed claimed = Claimed.NOTHING_FREE;
            try {
                recordDelivered();
                claimed = claimAndSend();
            } catch (RuntimeException e) {
                log.warn("Sandbox webhook worker could not read the delivery queue: {}", e.getMessage());
            }
            // A claim that emptied the queue is not followed by another for a few milliseconds: under a steady
            // trickle, the next claim then takes several rows instead of one query each (most finding nothing).
            // A full claim is followed at once; after a quiet spell, the first one is made without waiting.
            notBefore = claimed == Claimed.QUEUE_EMPTIED ? System.nanoTime() + GATHER_NANOS : 0;
            if (claimed != Claimed.ALL_ASKED) {
                try {
                    wakeUps.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Records the successes the senders reported since the last turn. */
    private void recordDelivered() {
        List<WebhookDeliveries.Delivered> batch = new ArrayList<>();
        for (WebhookDeliveries.Delivered one = delivered.poll(); one != null; one = delivered.poll()) {
            batch.add(one);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            deliveries.succeeded(batch);
        } catch (RuntimeException e) {
            log.warn("Sandbox webhook worker could not record {} delivered webhooks (they will be sent again): {}",
                    batch.size(), e.getMessage());
        }
    }

    /**
     * Sends the deliveries handed over, then claims as many due deliveries as there are free slots left, and sends
     * them.
     */
    private Claimed claimAndSend() {
        int free = slots.drainPermits();
        if (free == 0) {
            return Claimed.NOTHING_FREE;
        }
        List<WebhookDeliveries.Claim> sending = new ArrayList<>();
        long now = System.nanoTime();
        for (HandedOver next = null; sending.size() < free && (next = handedOver.poll()) != null; ) {
            reserved.decrementAndGet();
            if (now - next.atNanos() < HANDED_OVER_STALE_NANOS) {
                sending.add(next.claim());
            }
        }
        int toClaim = free - sending.size();
        List<WebhookDeliveries.Claim> claimed = List.of();
        boolean claiming = toClaim > 0 && (queued || now - nextPoll >= 0);
        if (claiming) {
            queued = false;
            try {
                claimed = deliveries.claimDue(toClaim, lease());
            } finally {
                slots.release(toClaim - claimed.size());
            }
            // The queue emptied: looked at again at the next poll, or when deliveries are stored due.
            nextPoll = claimed.size() < toClaim ? now + settings.pollInterval().toNanos() : now;
        } else {
            slots.release(toClaim);
        }
        sending.addAll(claimed);
        for (WebhookDeliveries.Claim claim : sending) {
            senders.execute(() -> {
                try {
                    deliver(claim);
                } catch (RuntimeException e) {
                    log.warn("Sandbox webhook delivery {} (attempt {}) could not be completed: {}", claim.id(),
                            claim.attempt(), e.getMessage());
                } finally {
                    slots.release();
                    wake();
                }
            });
        }
        if (toClaim == 0 || (claiming && claimed.size() == toClaim)) {
            return Claimed.ALL_ASKED;
        }
        return claiming ? Claimed.QUEUE_EMPTIED : Claimed.NOTHING_FREE;
    }

    private void deliver(WebhookDeliveries.Claim claim) {
        if (claim.endpoint() == null) {
            deliveries.abandon(claim, "The endpoint was deleted.");
            return;
        }
        ObjectNode endpoint = (ObjectNode) store.json().readTree(claim.endpoint());
        if (!WebhookEndpointJson.enabled(endpoint)) {
            deliveries.abandon(claim, "The endpoint is disabled.");
            return;
        }
        if (claim.event() == null) {
            deliveries.abandon(claim, "The event no longer exists.");
            return;
        }
        // The event exactly as stored (an event never carries internal fields), without parsing it again.
        String payload = claim.event();
        WebhookSender.Outcome outcome = sender.send(endpoint.get("url").asString(),
                WebhookEndpointJson.secret(endpoint), clock.now(), payload);
        if (outcome.succeeded()) {
            delivered.add(new WebhookDeliveries.Delivered(claim, outcome.statusCode(), outcome.durationMs()));
            log.debug("Sandbox webhook {} delivered to {} (account {}, attempt {}, HTTP {})", claim.eventId(),
                    claim.endpointId(), claim.accountId(), claim.attempt(), outcome.statusCode());
            return;
        }
        Duration retryIn = schedule.delayAfter(claim.attempt()).orElse(null);
        String error = outcome.error() != null ? outcome.error() : "HTTP " + outcome.statusCode();
        deliveries.attemptFailed(claim, outcome.statusCode(), outcome.error(), outcome.durationMs(), retryIn);
        log.info("Sandbox webhook {} to {} (account {}) attempt {} failed: {}; {}", claim.eventId(),
                claim.endpointId(), claim.accountId(), claim.attempt(), error,
                retryIn == null ? "giving up" : "next attempt in " + retryIn.toString().substring(2).toLowerCase());
    }
}
