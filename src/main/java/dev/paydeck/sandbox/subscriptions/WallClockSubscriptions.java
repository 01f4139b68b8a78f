package dev.paydeck.sandbox.subscriptions;

import dev.paydeck.sandbox.api.SandboxClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Runs the work due for subscriptions of customers on no test clock as the wall clock passes, every
 * {@code paydeck.sandbox.subscriptions-interval} (a minute by default), on every instance (the sandbox knows nothing
 * of Paydeck's job scheduler; {@link SubscriptionClockWork} makes concurrent runs safe), so real-time subscriptions
 * renew, retry and end on time.
 */
@Component
@ConditionalOnProperty(name = "paydeck.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class WallClockSubscriptions implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WallClockSubscriptions.class);

    private final SubscriptionClockWork work;
    private final SandboxClock clock;
    private final Duration interval;
    private volatile boolean running;
    private Thread loop;

    WallClockSubscriptions(SubscriptionClockWork work, SandboxClock clock,
            @Value("${paydeck.sandbox.subscriptions-interval:1m}") Duration interval) {
        this.work = work;
        this.clock = clock;
        this.interval = interval;
    }

    @Override
    public void start() {
        running = true;
        loop = Thread.ofVirtual().name("sandbox-subscriptions").start(this::run);
    }

    private void run() {
        while (running) {
            try {
                Thread.sleep(interval);
                work.runWallClock(clock.now());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("sandbox subscriptions run failed error={}", e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
