package dev.paydeck.webhooks;

import dev.paydeck.shared.OrganizationId;

import java.util.List;

/**
 * A module's part of "resync": re-read its objects from the organization's Stripe (paged) and repair the local
 * copies, for drift that events did not fix (lost events, changes made while Paydeck was down). Implemented by the
 * module that owns the records, like its {@link StripeEventListener}s.
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
}
