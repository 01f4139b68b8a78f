package dev.paydeck.shared.mirror;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order of a mirrored Stripe object's statuses, as an explicit transition table: which statuses may follow which
 * as the object moves forward. It decides whether a snapshot (from an event, or an answer) may replace the local
 * status, so that an older event never moves a record backwards:
 * <ul>
 *     <li>a final status (one with no way forward) never changes;</li>
 *     <li>a snapshot from an event older than the newest one applied is skipped;</li>
 *     <li>the same status applies;</li>
 *     <li>a different status from an event of the same second as the newest one applied is re-read: event times are
 *         whole seconds and Stripe does not deliver in order, so only Stripe's current object says which came
 *         last (a 3-D Secure failure and the {@code requires_action} event before it often share their second) —
 *         unless the object {@linkplain Builder#neverGoesBack never goes back} to a status it left (an invoice): then
 *         a step the table allows is the later one, even in the same second (an invoice finalized and paid in one
 *         second);</li>
 *     <li>a status the table leads to applies;</li>
 *     <li>anything else looks like a step backwards, which may be real (a failed attempt sends a PaymentIntent back to
 *         {@code requires_payment_method}) or a stale event: only Stripe's current object can tell, so re-read it.</li>
 * </ul>
 */
public final class StateOrder<S extends Enum<S>> {

    /** What to do with a snapshot. */
    public enum Decision { APPLY, SKIP, RE_READ }

    private final Class<S> type;
    private final Map<S, Set<S>> forward;
    /** The object never returns to a status it left: a step the table allows is always forward in time. */
    private final boolean neverGoesBack;

    private StateOrder(Class<S> type, Map<S, Set<S>> forward, boolean neverGoesBack) {
        this.type = type;
        this.forward = forward;
        this.neverGoesBack = neverGoesBack;
    }

    public static <S extends Enum<S>> Builder<S> of(Class<S> type) {
        return new Builder<>(type);
    }

    /** True when {@code from} may move to {@code to} (or stays): a step the table allows. */
    public boolean allows(S from, S to) {
        return from == to || forward.get(from).contains(to);
    }

    /** A status with no way forward: once there, the record never changes status again. */
    public boolean isFinal(S status) {
        return forward.get(status).isEmpty();
    }

    /**
     * @param current             the local status
     * @param currentEventCreated {@code created} of the newest event applied to the record, null if none yet
     * @param incoming            the snapshot's status
     * @param eventCreated        the snapshot's event {@code created} (unix seconds)
     */
    public Decision decide(S current, Long currentEventCreated, S incoming, long eventCreated) {
        if (isFinal(current)) {
            return Decision.SKIP;
        }
        if (currentEventCreated != null && eventCreated < currentEventCreated) {
            return Decision.SKIP;
        }
        if (current == incoming) {
            return Decision.APPLY;
        }
        if (!neverGoesBack && currentEventCreated != null && eventCreated == currentEventCreated) {
            return Decision.RE_READ;
        }
        return allows(current, incoming) ? Decision.APPLY : Decision.RE_READ;
    }

    /** The final statuses, e.g. for a SQL guard that never overwrites them. */
    public Set<S> finalStatuses() {
        EnumSet<S> result = EnumSet.noneOf(type);
        forward.forEach((status, next) -> {
            if (next.isEmpty()) {
                result.add(status);
            }
        });
        return Collections.unmodifiableSet(result);
    }

    /** Builds the table one status at a time; a status given no way forward is final. */
    public static final class Builder<S extends Enum<S>> {

        private final Class<S> type;
        private final Map<S, EnumSet<S>> forward;
        private boolean neverGoesBack;

        private Builder(Class<S> type) {
            this.type = type;
            this.forward = new EnumMap<>(type);
            for (S status : type.getEnumConstants()) {
                forward.put(status, EnumSet.noneOf(type));
            }
        }

        @SafeVarargs
        public final Builder<S> from(S status, S... next) {
            forward.get(status).addAll(java.util.Arrays.asList(next));
            return this;
        }

        /**
         * The object never returns to a status it left, in Stripe's own state machine (not only in the table, which
         * lists the steps forward of every object): a PaymentIntent goes back to {@code requires_payment_method} after
         * a failed attempt and a subscription from {@code past_due} to {@code active}, an invoice never goes back.
         * Refused for a table with a cycle.
         */
        public Builder<S> neverGoesBack() {
            for (S status : forward.keySet()) {
                if (reaches(status, status)) {
                    throw new IllegalStateException(status + " can come back to itself in the table");
                }
            }
            neverGoesBack = true;
            return this;
        }

        /** Whether {@code to} can be reached from {@code from} in one step or more. */
        private boolean reaches(S from, S to) {
            Set<S> seen = EnumSet.noneOf(type);
            Deque<S> next = new ArrayDeque<>(forward.get(from));
            while (!next.isEmpty()) {
                S status = next.pop();
                if (status == to) {
                    return true;
                }
                if (seen.add(status)) {
                    next.addAll(forward.get(status));
                }
            }
            return false;
        }

        public StateOrder<S> build() {
            Map<S, Set<S>> table = new EnumMap<>(type);
            forward.forEach((status, next) -> table.put(status, Collections.unmodifiableSet(EnumSet.copyOf(next))));
            return new StateOrder<>(type, table, neverGoesBack);
        }
    }
}
