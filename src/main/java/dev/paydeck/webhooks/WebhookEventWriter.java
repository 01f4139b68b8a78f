package dev.paydeck.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stores verified events for the webhook endpoint in groups (group commit): each request hands its event to one
 * writer thread and waits; the writer stores everything waiting in one statement and one transaction and then
 * answers each request. Under load a group holds the events that arrived while the last one was written, so there is
 * one commit for many events instead of one each; an event alone is written at once, with no added wait.
 *
 * <p>A request is answered only after the commit that holds its event, and each event's own outcome (stored, or a
 * redelivery of one the organization has) comes back to it. When the group cannot be written, each event of it is
 * tried alone, so one bad event does not fail the others; an event that cannot be written is reported as
 * {@link StoreFailed}, never as stored.
 */
@Component
class WebhookEventWriter implements SmartLifecycle {

    /** The event could not be stored (queue full, database unavailable, shutting down): answer "try again later". */
    static final class StoreFailed extends Exception {
        StoreFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Pending(WebhookEvents.NewEvent event, CompletableFuture<Boolean> stored) {
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookEventWriter.class);

    /** The most events in one statement: well under PostgreSQL's limits, a few hundred kilobytes of payloads. */
    private static final int MAX_GROUP = 256;

    private final WebhookEvents events;
    private final WebhookSettings settings;
    private final BlockingQueue<Pending> queue;

    private volatile boolean running;
    private Thread writer;

    WebhookEventWriter(WebhookEvents events, WebhookSettings settings) {
        this.events = events;
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, settings.storeQueue()));
    }

    /**
     * Stores the event (its {@code id} is new) and returns once it is committed: true, or false when the organization
     * has this Stripe event already.
     */
    boolean store(WebhookEvents.NewEvent event) throws StoreFailed {
        if (!running) {
            throw new StoreFailed("not accepting events (starting or stopping)", null);
        }
        Pending pending = new Pending(event, new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw new StoreFailed("too many events waiting to be stored", null);
        }
        try {
            return pending.stored().get(settings.storeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StoreFailed("the event could not be stored", e.getCause());
        } catch (TimeoutException e) {
            // Still queued or being written: it may yet be stored, and Stripe's redelivery then finds it stored.
            throw new StoreFailed("storing the event took longer than " + settings.storeTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFailed("interrupted while storing the event", e);
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        writer = Thread.ofVirtual().name("stripe-event-writer").start(this::run);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        try {
            writer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(pending -> pending.stored().completeExceptionally(
                new IllegalStateException("stopped before the event was stored")));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server takes requests and stops after it has finished them. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }

    private void run() {
        List<Pending> group = new ArrayList<>(MAX_GROUP);
        while (true) {
            Pending first;
            try {
                // Not interrupted to stop: an interrupt would close the database connection of a write under way.
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (!running) {
                    return;
                }
                continue;
            }
            group.add(first);
            queue.drainTo(group, MAX_GROUP - 1);
            try {
                write(group);
            } finally {
                // Only those an unexpected error left unanswered: their requests must not wait for the timeout.
                group.stream().filter(pending -> !pending.stored().isDone()).forEach(pending -> pending.stored()
                        .completeExceptionally(new IllegalStateException("the writer failed")));
                group.clear();
            }
        }
    }

    private void write(List<Pending> group) {
        try {
            Set<UUID> inserted = events.insertAll(group.stream().map(Pending::event).toList());
            group.forEach(pending -> pending.stored().complete(inserted.contains(pending.event().id())));
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                fail(group.getFirst(), groupFailed);
                return;
            }
            log.warn("A group of {} Stripe events could not be stored ({}); storing each alone", group.size(),
                    groupFailed.getClass().getSimpleName());
            for (Pending pending : group) {
                try {
                    Set<UUID> inserted = events.insertAll(List.of(pending.event()));
                    pending.stored().complete(inserted.contains(pending.event().id()));
                } catch (RuntimeException failed) {
                    fail(pending, failed);
                }
            }
        }
    }

    private static void fail(Pending pending, RuntimeException error) {
        log.warn("Stripe event {} of organization {} could not be stored: {}", pending.event().stripeEventId(),
                pending.event().organization(), error.getClass().getSimpleName());
        pending.stored().completeExceptionally(error);
    }
}
