package dev.paydeck.sandbox.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every API request the sandbox answered (method, path, status, request id), for the sandbox's pages.
 *
 * <p>A line is written shortly after the answer, with the lines of other requests in one statement (every
 * {@value #FLUSH_INTERVAL_MS} ms): a request costs no round trip to the database for its log line. Reading the log writes what is waiting first, so a page always shows the requests
 * answered before it. The lines still waiting when the application is killed (not stopped) are lost: this is a
 * log for looking at, not a record anything depends on.
 */
@Component
public class RequestLog implements SmartLifecycle {

    public record Entry(String requestId, String method, String path, int status, String idempotencyKey,
                        OffsetDateTime createdAt) {
    }

    /** A line waiting to be written. */
    record Line(String accountId, String requestId, String method, String path, int status,
                        String idempotencyKey, long createdAtMillis) {
    }

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);
    private static final int BATCH = 500;
    private static final long FLUSH_INTERVAL_MS = 200;
    private static final int CAPACITY = 20_000;

    private final RequestLogRecords records;
    private final BlockingQueue<Line> waiting = new ArrayBlockingQueue<>(CAPACITY);
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean running;
    private Thread writer;

    RequestLog(RequestLogRecords records) {
        this.records = records;
    }

    void record(String accountId, String requestId, String method, String path, int status, String idempotencyKey) {
        Line line = new Line(accountId, requestId, method, path, status, idempotencyKey, System.currentTimeMillis());
        try {
            while (!waiting.offer(line)) {
                // The writer is behind (the database is slow): write in the caller's time rather than lose it.
                flush();
            }
        } catch (RuntimeException e) {
            // The request is answered all the same: nothing depends on this log.
            log.warn("Could not record sandbox request {}: {}", requestId, e.getMessage());
        }
    }

    public List<Entry> recent(String accountId, int limit) {
        flush();
        return records.recent(accountId, limit);
    }

    /** Writes every waiting line, oldest first, in statements of at most {@value #BATCH} lines. */
    void flush() {
        writing.lock();
        try {
            List<Line> lines = new ArrayList<>(BATCH);
            while (waiting.drainTo(lines, BATCH) > 0) {
                records.insert(lines);
                lines.clear();
            }
        } finally {
            writing.unlock();
        }
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(FLUSH_INTERVAL_MS);
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Could not write the sandbox's request log: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        writer = Thread.ofVirtual().name("sandbox-request-log").start(this::run);
    }

    @Override
    public synchronized void stop() {
        running = false;
        try {
            writer.join(FLUSH_INTERVAL_MS * 5);
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Could not write the end of the sandbox's request log: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server takes requests and stops after it has finished them (their lines written). */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }
}
