package dev.paydeck.organizations;

import dev.paydeck.shared.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The log of every call Paydeck makes to an organization's Stripe (as Kill Bill records every call to its payment
 * provider): kept in the {@code stripe_calls} table, written off the request's path — calls are queued as they are
 * made and written in batches, so logging costs a payment next to nothing; a log line is never worth failing or
 * slowing a payment. Reading a record's calls writes what is queued first.
 */
@Service
public class StripeCallLog implements SmartLifecycle {

    /**
     * One call: what Paydeck asked, what Stripe answered ({@code status} null when no answer came) and how long it
     * took; whether the calling thread held a database transaction (it never should: no row stays locked while
     * Stripe is called).
     */
    public record Call(OrganizationId organization, String objectType, String objectId, String method, String path,
                       String idempotencyKey, String requestId, Integer status, int latencyMillis,
                       boolean inTransaction, Instant occurredAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(StripeCallLog.class);
    private static final int BATCH = 200;

    private final StripeCallRecords records;
    private final BlockingQueue<Call> queue = new ArrayBlockingQueue<>(20_000);
    private volatile boolean running;
    private Thread writer;
    private long dropped;

    StripeCallLog(StripeCallRecords records) {
        this.records = records;
    }

    /** Queues a call for the log; when the queue is full (the database is away), the line is dropped and counted. */
    void record(Call call) {
        if (!queue.offer(call)) {
            synchronized (this) {
                if (dropped++ % 1000 == 0) {
                    log.warn("The Stripe call log is full; {} lines dropped so far", dropped);
                }
            }
        }
    }

    /** The calls made about a Paydeck record ({@code payment} and its id), oldest first. */
    public List<Call> about(OrganizationId organization, String objectType, String objectId) {
        flush();
        return records.about(organization, objectType, objectId, 500);
    }

    /** Writes what is queued now. */
    void flush() {
        write(null);
    }

    /** Writes {@code first} (if any) and what is queued after it, in batches. */
    private synchronized void write(Call first) {
        List<Call> batch = new ArrayList<>(BATCH);
        if (first != null) {
            batch.add(first);
        }
        while (queue.drainTo(batch, BATCH - batch.size()) > 0 || !batch.isEmpty()) {
            try {
                records.append(batch);
            } catch (RuntimeException e) {
                log.warn("{} Stripe call log lines could not be written: {}", batch.size(), e.getMessage());
            }
            batch.clear();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        writer = Thread.ofVirtual().name("stripe-call-log").start(() -> {
            while (running) {
                try {
                    Call first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        write(first);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (writer != null) {
            writer.interrupt();
        }
        flush();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
