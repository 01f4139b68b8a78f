package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.paydeck.shared.mirror.StateOrder;
import dev.paydeck.shared.mirror.StripeCodes;

import java.util.Optional;
import java.util.Set;

/**
 * A subscription's status: Stripe's, or {@code pending} (not yet sent to Stripe) or {@code unknown} (Stripe did not
 * answer; the janitor resolves it). Unlike a payment's, a subscription's life is not a line: it goes from
 * {@code active} to {@code past_due} when a renewal fails and back when the invoice is paid, as often as that happens,
 * so both moves are in {@link #ORDER}. "Forward" is then told by time, not by the table: an event older than the newest
 * one applied is skipped, and two of the same second that disagree are settled by Stripe's current object. Only
 * {@code canceled} and {@code incomplete_expired} are final.
 */
public enum SubscriptionStatus {
    PENDING, UNKNOWN, INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, PAST_DUE, CANCELED, UNPAID, PAUSED;

    static final StateOrder<SubscriptionStatus> ORDER = StateOrder.of(SubscriptionStatus.class)
            .from(PENDING, UNKNOWN, INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, PAST_DUE, CANCELED, UNPAID,
                    PAUSED)
            .from(UNKNOWN, INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, PAST_DUE, CANCELED, UNPAID, PAUSED)
            // The first invoice is paid (active, or trialing when a trial was added), or never is (expired).
            .from(INCOMPLETE, INCOMPLETE_EXPIRED, TRIALING, ACTIVE, CANCELED)
            // A trial ends into a paid period, a failed one, or a pause when no payment method was left.
            .from(TRIALING, ACTIVE, PAST_DUE, UNPAID, PAUSED, CANCELED)
            // A renewal fails; a trial is added to a running subscription.
            .from(ACTIVE, PAST_DUE, UNPAID, TRIALING, PAUSED, CANCELED)
            // Paid at a retry (back to active), or out of retries (unpaid, or canceled by the settings).
            .from(PAST_DUE, ACTIVE, UNPAID, CANCELED)
            .from(UNPAID, ACTIVE, PAST_DUE, CANCELED)
            .from(PAUSED, ACTIVE, TRIALING, CANCELED)
            .build();

    /** The statuses that need someone's attention: money is owed and not coming by itself. */
    public static final Set<SubscriptionStatus> NEEDING_ATTENTION = Set.of(PAST_DUE, UNPAID, INCOMPLETE);

    /** Stripe's word, as the API and the table show it. */
    @JsonValue
    public String code() {
        return StripeCodes.code(this);
    }

    public static Optional<SubscriptionStatus> parse(String code) {
        return StripeCodes.parse(SubscriptionStatus.class, code);
    }

    static SubscriptionStatus of(String code) {
        return StripeCodes.of(SubscriptionStatus.class, code);
    }

    /** Canceled or expired: it never changes status again. */
    public boolean isFinal() {
        return ORDER.isFinal(this);
    }

    /** Not known to Stripe's answer yet: never sent, or sent without an answer. */
    public boolean isUnresolved() {
        return this == PENDING || this == UNKNOWN;
    }

    /** Still billing (or about to): its plan may change, and it may be canceled. */
    public boolean isLive() {
        return this == TRIALING || this == ACTIVE || this == PAST_DUE || this == UNPAID || this == INCOMPLETE;
    }

    public boolean needsAttention() {
        return NEEDING_ATTENTION.contains(this);
    }
}
