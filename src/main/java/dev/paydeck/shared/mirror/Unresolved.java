package dev.paydeck.shared.mirror;

import dev.paydeck.shared.OrganizationId;

import java.util.List;

/**
 * A module's records left unresolved: written by Paydeck, but Stripe's answer never came (a timeout after the request
 * left, a crash between the record and the call, a lost event). The {@link Janitor} resolves them by asking Stripe,
 * or by re-sending the create with the same idempotency key, instead of guessing.
 *
 * @param <I> the record's typed id
 */
public interface Unresolved<I> {

    /** What these records are, for the log: {@code payments}. */
    String objects();

    /**
     * Claims up to {@code limit} records unresolved for a while, across instances (each claimed at most once per
     * janitor interval, by one instance).
     */
    List<Claimed<I>> claim(int limit);

    /** Resolves one record; what it did, for the log. Failures leave it for the next round. */
    String resolve(OrganizationId organization, I id) throws Exception;

    record Claimed<I>(OrganizationId organization, I id) {
    }
}
