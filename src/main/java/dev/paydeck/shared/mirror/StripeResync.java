package dev.paydeck.shared.mirror;

import dev.paydeck.shared.OrganizationId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A module's part of "resync": re-read its objects from the organization's Stripe (paged) and repair the local
 * copies, for drift that events did not fix (lost events, changes made while Paydeck was down). Each mirrored object
 * implements it with {@link #pageThrough}, the one resync loop.
 */
public interface StripeResync {

    /** What this part re-reads, e.g. {@code customers}. */
    String objects();

    Report resync(OrganizationId organization) throws Exception;

    /**
     * @param checked how many Stripe objects were read
     * @param changes one line per local record created or repaired, e.g. {@code pi_123: processing → succeeded}
     */
    record Report(String objects, int checked, List<String> changes) {
    }

    /**
     * The resync loop: reads every object Stripe lists (stripe-java pages and retries 429s with backoff as it iterates)
     * and repairs each, which answers a line when it changed something.
     */
    static <T> Report pageThrough(String objects, Iterable<T> fromStripe, Function<T, Optional<String>> repair) {
        List<String> changes = new ArrayList<>();
        int checked = 0;
        for (T object : fromStripe) {
            checked++;
            repair.apply(object).ifPresent(changes::add);
        }
        return new Report(objects, checked, changes);
    }
}
