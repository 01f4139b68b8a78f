package dev.paydeck.shared.mirror;

import java.util.Optional;

/**
 * How a snapshot of a Stripe object (from an event) reaches its record without ever moving it backwards, and without
 * calling Stripe while a row is locked: before the transaction, {@link #needsRead} says whether Stripe's current object
 * must be read (the local status, read without a lock, says the snapshot looks like a step backwards); under the
 * row's lock, {@link #toApply} decides again with the locked status and picks the snapshot, the object read before,
 * or nothing. When the record moved in between so that a read is needed that was not made, it throws
 * {@link StaleReadException} and the event is retried (reading again).
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
