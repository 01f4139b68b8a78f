package dev.paydeck.webhooks;

import dev.paydeck.shared.mirror.StaleReadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Processes stored events on every Paydeck instance: claims due ones from the queue ({@link WebhookEvents}), publishes
 * each to the {@link StripeEventListener}s of its type (in batches, each in one transaction on a virtual thread),
 * and records the outcome — {@code PROCESSED}, {@code IGNORED} (no listener took it), a retry after the next backoff
 * delay, or {@code FAILED} with the error kept. The listeners and the mark share one transaction, which commits only
 * if this attempt still holds the event: so an event is applied exactly once even when a slow instance's lease is
 * taken over by another.
 *
 * <p>This queue stays hand-made ({@code FOR UPDATE SKIP LOCKED} claims of several rows at once, batches in one
 * transaction, claims gathered under a trickle, a wake-up when an event is stored) while Paydeck's other periodic jobs
 * run on the shared db-scheduler: the webhook benchmark (bench/run-webhooks.sh, results in bench/README.md) needs its
 * throughput and latency, and a scheduler's task per event (a second row written, picked and removed for each one)
 * would cost them. The events of an instance that dies are taken over once its heartbeat stops
 * ({@link WebhookInstances}).
 */
@Component
class WebhookProcessor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookProcessor.class);
    /** How long after emptying the queue the next claim waits, so that it finds several rows. */
    private static final long GATHER_NANOS = 20_000_000L;
    /** The most events processed in one transaction. */
    static final int BATCH = 8;

    /** What a claim found: as many rows as free slots (claim again at once), fewer, or no free slot to fill. */
    private enum Claimed { ALL_ASKED, QUEUE_EMPTIED, NOTHING_FREE }

    private final WebhookEvents events;
    private final ApplicationEventPublisher listeners;
    private final List<StripeEventReads> reads;
    private final WebhookSettings settings;
    private final WebhookMetrics metrics;
    private final TransactionTemplate transactions;
    private final WebhookInstances instances;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Semaphore slots;

    private volatile boolean running;
    private Thread loop;
    private ExecutorService workers;

    WebhookProcessor(WebhookEvents events, ApplicationEventPublisher listeners, List<StripeEventReads> reads,
            WebhookSettings settings, WebhookMetrics metrics, TransactionTemplate transactions,
            WebhookInstances instances) {
        this.events = events;
        this.listeners = listeners;
        this.reads = reads;
        this.settings = settings;
        this.metrics = metrics;
        this.transactions = transactions;
        this.instances = instances;
        this.slots = new Semaphore(Math.max(1, settings.maxConcurrent()));
    }

    /** Looks for due events now instead of at the next poll (an event was just stored or replayed). */
    void wake() {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("stripe-event-", 0).factory());
        loop = Thread.ofVirtual().name("stripe-event-processor").start(this::run);
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
            workers.shutdown();
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
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
                claimed = claimAndProcess();
            } catch (RuntimeException e) {
                log.warn("Stripe event processor could not read the queue: {}", e.getMessage());
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

    private Claimed claimAndProcess() {
        // While events are in flight, claim again only once half the slots are free: a claim per finished event
        // would cost a query per event under load. Idle, an event is claimed as soon as it is stored.
        int max = Math.max(1, settings.maxConcurrent());
        int available = slots.availablePermits();
        if (available < max && available < (max + 1) / 2) {
            return Claimed.NOTHING_FREE;
        }
        int free = slots.drainPermits();
        if (free == 0) {
            return Claimed.NOTHING_FREE;
        }
        List<StripeEventReceived> claimed = List.of();
        try {
            claimed = events.claimDue(free, settings.lease(), instances.id());
        } finally {
            slots.release(free - claimed.size());
        }
        for (List<StripeEventReceived> batch : batches(claimed)) {
            workers.execute(() -> {
                try {
                    process(batch);
                } catch (RuntimeException e) {
                    log.warn("{} Stripe event(s) could not be finished: {}", batch.size(), e.getMessage());
                } finally {
                    slots.release(batch.size());
                    wake();
                }
            });
        }
        return claimed.size() == free ? Claimed.ALL_ASKED : Claimed.QUEUE_EMPTIED;
    }

    /**
     * The claimed events in batches of at most {@link #BATCH}, each processed in one transaction. Sorted by object
     * (then by time, as claimed), so that concurrent batches lock rows in the same order and the events of one
     * object stay in one batch as far as possible.
     */
    static List<List<StripeEventReceived>> batches(List<StripeEventReceived> claimed) {
        List<StripeEventReceived> sorted = new ArrayList<>(claimed);
        sorted.sort(Comparator.comparing(StripeEventReceived::objectId,
                Comparator.nullsLast(Comparator.naturalOrder())));
        int count = (sorted.size() + BATCH - 1) / BATCH;
        List<List<StripeEventReceived>> batches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            batches.add(List.copyOf(sorted.subList(i * sorted.size() / count, (i + 1) * sorted.size() / count)));
        }
        return batches;
    }

    /**
     * Processes events in one transaction: their listeners, then one update marking them all, so a batch costs one
     * commit instead of one per event. A listener that fails rolls the batch back; that event's attempt is recorded
     * as failed (its listener is not run again in this attempt) and the others are processed again without it —
     * unless it failed for want of Stripe's current object ({@link StaleReadException}): then it is processed on its
     * own once the others committed, Stripe read for it if it fails so again. Not read at once: its listener may have
     * wanted the read because of what an earlier event of the batch did to the record (e.g. recorded an invoice that
     * the next event, of the same second, finds in another status), and with that rolled back, its reader would judge
     * from the record as it was and read nothing; the event would fail again and wait for its next attempt. When an
     * event's lease was lost, or the transaction itself failed, each is processed on its own.
     */
    void process(List<StripeEventReceived> batch) {
        List<StripeEventReceived> pending = readFirst(batch);
        List<StripeEventReceived> needingRead = new ArrayList<>();
        while (pending.size() > 1) {
            long started = System.nanoTime();
            List<StripeEventReceived> attempt = pending;
            Failed[] failed = new Failed[1];
            Map<StripeEventReceived, String> finished;
            try {
                finished = transactions.execute(status -> {
                    Map<StripeEventReceived, String> outcomes = new LinkedHashMap<>();
                    for (StripeEventReceived event : attempt) {
                        try {
                            outcomes.put(event, dispatch(event));
                        } catch (RuntimeException e) {
                            failed[0] = new Failed(event, e);
                            status.setRollbackOnly();
                            return null;
                        }
                    }
                    if (events.finishAll(outcomes) != attempt.size()) {
                        status.setRollbackOnly();
                        return null;
                    }
                    return outcomes;
                });
            } catch (RuntimeException e) {
                log.debug("A batch of {} Stripe events could not be committed ({}); processing them one by one",
                        attempt.size(), e.getMessage());
                break;
            }
            if (finished != null) {
                finished.forEach((event, outcome) -> finished(event, outcome, started));
                pending = List.of();
                break;
            }
            if (failed[0] == null) {
                break;
            }
            StripeEventReceived stale = failed[0].event();
            if (failure(failed[0].error()) instanceof StaleReadException) {
                needingRead.add(stale);
            } else {
                attemptFailed(stale, failed[0].error(), started);
            }
            pending = attempt.stream().filter(event -> event != stale).toList();
        }
        pending.forEach(this::process);
        for (StripeEventReceived event : needingRead) {
            event.read().forget();
            readFirst(List.of(event)).forEach(this::process);
        }
    }

    /** The batch without the events whose first read failed: those the readers always need read first, read. */
    private List<StripeEventReceived> readFirst(List<StripeEventReceived> batch) {
        List<StripeEventReceived> ready = new ArrayList<>(batch.size());
        for (StripeEventReceived event : batch) {
            if (reads.stream().noneMatch(read -> read.readsFirst(event))
                    || readFromStripe(event, System.nanoTime())) {
                ready.add(event);
            }
        }
        return ready;
    }

    /**
     * True when a listener failed for want of Stripe's current object ({@link StaleReadException}) and Stripe was not
     * read for this event in this attempt yet.
     */
    private static boolean needsRead(StripeEventReceived event, RuntimeException error) {
        return !event.read().made() && failure(error) instanceof StaleReadException;
    }

    /**
     * Lets each {@link StripeEventReads} read what the event needs from Stripe, outside any transaction (so while no
     * row is locked). False, with the attempt recorded as failed, when the read fails (e.g. Stripe unreachable).
     */
    private boolean readFromStripe(StripeEventReceived event, long started) {
        try {
            read(event);
            event.read().markMade();
            return true;
        } catch (RuntimeException e) {
            attemptFailed(event, e, started);
            return false;
        }
    }

    private void read(StripeEventReceived event) {
        for (StripeEventReads read : reads) {
            try {
                read.read(event);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new UndeclaredThrowableException(e);
            }
        }
    }

    /** An event's listener failure inside a batch. */
    private record Failed(StripeEventReceived event, RuntimeException error) {
    }

    /** Processes one event in its transaction; read from Stripe first, and once more, if a listener asks for it. */
    void process(StripeEventReceived event) {
        long started = System.nanoTime();
        try {
            String outcome = transactions.execute(status -> {
                String finished = dispatch(event);
                if (!events.finish(event, finished)) {
                    status.setRollbackOnly();
                    return null;
                }
                return finished;
            });
            if (outcome != null) {
                finished(event, outcome, started);
            } else {
                log.info("Stripe event {} of organization {}: attempt {} lost its lease; its effects were undone",
                        event.stripeEventId(), event.organization(), event.attempt());
            }
        } catch (RuntimeException e) {
            if (!needsRead(event, e)) {
                attemptFailed(event, e, started);
            } else if (readFromStripe(event, started)) {
                process(event);
            }
        }
    }

    /** Runs the event's listeners, here, synchronously, so their effects commit or roll back with its mark. */
    private String dispatch(StripeEventReceived event) {
        StripeEventDispatch dispatch = new StripeEventDispatch(event);
        listeners.publishEvent(dispatch);
        return dispatch.taken() ? "PROCESSED" : "IGNORED";
    }

    private void finished(StripeEventReceived event, String outcome, long started) {
        String finished = outcome.equals("PROCESSED") ? "processed" : "ignored";
        record(event, finished, started);
        log.debug("Stripe event {} ({}) of organization {} {}", event.stripeEventId(), event.type(),
                event.organization(), finished);
    }

    private void attemptFailed(StripeEventReceived event, RuntimeException e, long started) {
        String error = describe(failure(e));
        Duration retryIn = settings.retryAfter(event.attempt()).orElse(null);
        events.attemptFailed(event, error, retryIn);
        record(event, retryIn == null ? "failed" : "retry", started);
        log.warn("Stripe event {} ({}) of organization {} failed (attempt {}): {}; {}", event.stripeEventId(),
                event.type(), event.organization(), event.attempt(), error,
                retryIn == null ? "giving up" : "next attempt in " + retryIn.toString().substring(2).toLowerCase());
    }

    private void record(StripeEventReceived event, String outcome, long started) {
        metrics.processed(event.type(), outcome, Duration.ofNanos(System.nanoTime() - started));
        if (!"retry".equals(outcome)) {
            metrics.lag(Duration.between(Instant.ofEpochSecond(event.created()), Instant.now()));
        }
    }

    /** The error kept on the event: its kind and message, short (never the payload). */
    private static String describe(Throwable error) {
        String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    /**
     * What a listener threw: Spring calls listener methods reflectively and hands on a checked exception wrapped in an
     * {@link UndeclaredThrowableException}, which says nothing in the event's error.
     */
    static Throwable failure(Throwable thrown) {
        Throwable failure = thrown;
        while ((failure instanceof UndeclaredThrowableException || failure instanceof InvocationTargetException)
                && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
