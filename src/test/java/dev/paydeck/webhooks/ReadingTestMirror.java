package dev.paydeck.webhooks;

import dev.paydeck.shared.mirror.StaleReadException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mirror only the tests have, shaped like the invoices': {@code paydeck_test.recorded} records its object (visible
 * to the later events of its transaction, and to everyone once committed); {@code paydeck_test.needs_read} needs
 * Stripe's current object once its object is recorded, and throws {@link StaleReadException} without it. Its reader,
 * like every mirror's, decides from the committed records, read without a lock, whether Stripe must be read.
 */
@Component
class ReadingTestMirror implements StripeEventReads {

    static final String RECORDED = "paydeck_test.recorded";
    static final String NEEDS_READ = "paydeck_test.needs_read";

    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();

    @StripeEventListener(RECORDED)
    void record(StripeEventReceived event) {
        inThisTransaction().add(event.objectId());
    }

    @StripeEventListener(NEEDS_READ)
    void needsRead(StripeEventReceived event) {
        String object = event.objectId();
        boolean recorded = committed.contains(object) || inThisTransaction().contains(object);
        if (recorded && event.read().get(object, String.class).isEmpty()) {
            throw new StaleReadException(null);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                applied.computeIfAbsent(event.stripeEventId(), id -> new AtomicInteger()).incrementAndGet();
            }
        });
    }

    @Override
    public void read(StripeEventReceived event) {
        if (event.type().equals(NEEDS_READ) && committed.contains(event.objectId())) {
            event.read().put(event.objectId(), "Stripe's current " + event.objectId());
        }
    }

    int applied(String eventId) {
        AtomicInteger count = applied.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** The objects recorded in the current transaction, committed with it. */
    @SuppressWarnings("unchecked")
    private Set<String> inThisTransaction() {
        Set<String> recorded = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (recorded == null) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.addAll(fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(ReadingTestMirror.this);
                }
            });
            recorded = fresh;
        }
        return recorded;
    }
}
