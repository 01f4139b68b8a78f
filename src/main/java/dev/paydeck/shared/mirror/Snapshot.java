package dev.paydeck.shared.mirror;

import java.util.Optional;

/**
 * How a snapshot of a Stripe object (from an event) reaches its record without ever moving it backwards, and without
 * calling Stripe while a row is locked: under the row's lock, {@link #toApply} picks the snapshot, Stripe's current
 * object read before, or nothing; when Stripe's current object is needed and was not read, it throws
 * {@link StaleReadException}: the transaction rolls back, Stripe is read outside it (where {@link #needsRead} says,
 * from the local status read without a lock, whether the read is needed) and the event is applied again.
 */
public final class Snapshot {

    private Snapshot() {
    }

    /** Before the transaction: true when Stripe's current object must be read to apply this snapshot. */
    public static <S extends Enum<S>> boolean needsRead(StateOrder<S> order, S local, Long localEventCreated,
            S incoming, long eventCreated) {
        return order.decide(local, localEventCreated, incoming, eventCreated) == StateOrder.Decision.RE_READ;
    }

    /**
     * Under the row's lock: what to apply — the snapshot, Stripe's current object read before, or nothing.
     *
     * @param read Stripe's current object, if it was read before the transaction
     */
    public static <S extends Enum<S>, O> Optional<O> toApply(StateOrder<S> order, S locked, Long lockedEventCreated,
            S incoming, long eventCreated, O snapshot, Optional<O> read) {
        return switch (order.decide(locked, lockedEventCreated, incoming, eventCreated)) {
            case SKIP -> Optional.empty();
            case APPLY -> Optional.of(snapshot);
            case RE_READ -> Optional.of(read.orElseThrow(() -> new StaleReadException(snapshot)));
        };
    }
}
