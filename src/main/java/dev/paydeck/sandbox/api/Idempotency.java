package dev.paydeck.sandbox.api;

import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Stripe's idempotent requests: the first request with a key is executed and its result kept for 24 hours; the
 * same key with the same parameters replays that result; with other parameters it is an {@code idempotency_error};
 * while the first is still running, a second one gets 409.
 */
@Component
class Idempotency {

    /** A result kept for a key. */
    record Saved(String requestHash, String requestId, Integer status, String response) {
    }

    private final IdempotencyKeyRecords records;

    Idempotency(IdempotencyKeyRecords records) {
        this.records = records;
    }

    /**
     * Claims the key for this request; empty when claimed, else what an earlier request left. One statement: a key
     * older than 24 hours is taken over as if it were new.
     */
    Optional<Saved> claim(String accountId, String key, String requestHash, String requestId) {
        if (records.claim(accountId, key, requestHash, requestId)) {
            return Optional.empty();
        }
        return records.find(accountId, key);
    }

    /**
     * Claims the key for this request: empty when this request is to run; the first request's answer when it ran
     * with the same parameters ({@link RequestFingerprint}); Stripe's idempotency errors when it ran with other
     * parameters or is still running.
     */
    Optional<Reply> replay(String accountId, String key, String fingerprint, String requestId) {
        Optional<Saved> earlier = claim(accountId, key, fingerprint, requestId);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        Saved saved = earlier.get();
        if (!saved.requestHash().equals(fingerprint)) {
            throw mismatch(key);
        }
        if (saved.status() == null) {
            throw inProgress(key);
        }
        return Optional.of(Reply.replayed(saved.status(), saved.response(), saved.requestId()));
    }

    void save(String accountId, String key, int status, String response) {
        records.saveAnswer(accountId, key, status, response);
    }

    void release(String accountId, String key) {
        records.deleteUnanswered(accountId, key);
    }

    private static StripeError mismatch(String key) {
        return StripeError.builder(400).type("idempotency_error")
                .message("Keys for idempotent requests can only be used with the same parameters they were first "
                        + "used with. Try using a key other than '" + key + "' if you meant to execute a different "
                        + "request.")
                .build();
    }

    private static StripeError inProgress(String key) {
        return StripeError.builder(409).type("idempotency_error")
                .message("There is currently another in-progress request using this Idempotent Key (that probably "
                        + "means you submitted twice, and the other request is still going through): " + key
                        + ". Please try again later.")
                .build();
    }
}
