package dev.paydeck.organizations;

import com.stripe.exception.StripeException;
import org.springframework.dao.DuplicateKeyException;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The first steps of the mirror recipe for a new object (docs/architecture.md), the same in every service: Paydeck's
 * record first, once per idempotency key, then Stripe's object, created with a key derived from the record's id. The
 * service then applies Stripe's answer to its record in its own way.
 */
public final class RecordFirst {

    /** A call to Stripe that creates the object. */
    @FunctionalInterface
    public interface StripeCall<S> {
        S call() throws StripeException;
    }

    /** What becomes of a pending record when Stripe did not create its object. */
    public interface Pending {

        /** Stripe's outcome is unknown (no answer): the record stays, for the janitor to send again. */
        void markUnknown();

        /** Stripe refused: nothing was made, the record goes. */
        void remove();
    }

    private RecordFirst() {
    }

    /** A pending record's two fates, as its service's records give them. */
    public static Pending pending(Runnable markUnknown, Runnable remove) {
        return new Pending() {
            @Override
            public void markUnknown() {
                markUnknown.run();
            }

            @Override
            public void remove() {
                remove.run();
            }
        };
    }

    /**
     * The object an earlier request with this key made (present: the caller answers it and stops), or empty once
     * {@code insertPending} has recorded the new one. A request with the same key that inserted meanwhile wins:
     * its object is answered. A null key records at once.
     */
    public static <T> Optional<T> insertOnce(String idempotencyKey, Function<String, Optional<T>> byKey,
            Runnable insertPending) {
        if (idempotencyKey != null) {
            Optional<T> earlier = byKey.apply(idempotencyKey);
            if (earlier.isPresent()) {
                return earlier;
            }
        }
        return insertUnlessTaken(idempotencyKey, byKey, insertPending);
    }

    /**
     * {@link #insertOnce} for a caller that has already looked the key up (it had more to check before inserting):
     * only a request with the same key that inserted meanwhile is answered instead.
     */
    public static <T> Optional<T> insertUnlessTaken(String idempotencyKey, Function<String, Optional<T>> byKey,
            Runnable insertPending) {
        try {
            insertPending.run();
            return Optional.empty();
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            if (idempotencyKey == null) {
                throw sameKeyMeanwhile;
            }
            return Optional.of(byKey.apply(idempotencyKey).orElseThrow(() -> sameKeyMeanwhile));
        }
    }

    /**
     * Stripe's answer to {@code call}; on a failure the pending record is marked unknown (no answer) or removed
     * (a refusal), and a {@link StripeFailure} naming the record ({@code idField}: {@code id}) is thrown.
     */
    public static <S> S send(StripeCall<S> call, Pending pending, String idField, UUID id) {
        try {
            return call.call();
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.from(e);
            if (failure.outcomeUnknown()) {
                pending.markUnknown();
            } else {
                pending.remove();
            }
            throw failure.with(idField, id);
        }
    }
}
