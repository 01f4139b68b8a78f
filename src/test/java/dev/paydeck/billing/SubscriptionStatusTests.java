package dev.paydeck.billing;

import dev.paydeck.shared.mirror.StateOrder;
import org.junit.jupiter.api.Test;

import static dev.paydeck.billing.SubscriptionStatus.ACTIVE;
import static dev.paydeck.billing.SubscriptionStatus.CANCELED;
import static dev.paydeck.billing.SubscriptionStatus.INCOMPLETE;
import static dev.paydeck.billing.SubscriptionStatus.INCOMPLETE_EXPIRED;
import static dev.paydeck.billing.SubscriptionStatus.PAST_DUE;
import static dev.paydeck.billing.SubscriptionStatus.PAUSED;
import static dev.paydeck.billing.SubscriptionStatus.PENDING;
import static dev.paydeck.billing.SubscriptionStatus.TRIALING;
import static dev.paydeck.billing.SubscriptionStatus.UNKNOWN;
import static dev.paydeck.billing.SubscriptionStatus.UNPAID;
import static dev.paydeck.shared.mirror.StateOrder.Decision.APPLY;
import static dev.paydeck.shared.mirror.StateOrder.Decision.RE_READ;
import static dev.paydeck.shared.mirror.StateOrder.Decision.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

/** The order in which subscription snapshots may replace a subscription's status, and the rules Paydeck uses. */
class SubscriptionStatusTests {

    private static StateOrder.Decision decide(SubscriptionStatus current, Long currentEventCreated,
            SubscriptionStatus incoming, long eventCreated) {
        return SubscriptionStatus.ORDER.decide(current, currentEventCreated, incoming, eventCreated);
    }

    @Test
    void canceledAndExpiredAreFinal() {
        assertThat(decide(CANCELED, 100L, ACTIVE, 200)).isEqualTo(SKIP);
        assertThat(decide(INCOMPLETE_EXPIRED, null, ACTIVE, 200)).isEqualTo(SKIP);
        assertThat(CANCELED.isFinal()).isTrue();
        assertThat(INCOMPLETE_EXPIRED.isFinal()).isTrue();
        assertThat(SubscriptionStatus.ORDER.finalStatuses()).containsExactlyInAnyOrder(CANCELED, INCOMPLETE_EXPIRED);
        for (SubscriptionStatus status : SubscriptionStatus.values()) {
            if (status != CANCELED && status != INCOMPLETE_EXPIRED) {
                assertThat(status.isFinal()).as(status.code()).isFalse();
            }
        }
    }

    @Test
    void activeAndPastDueGoBothWaysAndTimeSaysWhichCameLast() {
        // A renewal fails (past_due), the retry is paid (active), the next renewal fails again: every move is real.
        assertThat(decide(ACTIVE, 100L, PAST_DUE, 200)).isEqualTo(APPLY);
        assertThat(decide(PAST_DUE, 200L, ACTIVE, 300)).isEqualTo(APPLY);
        assertThat(decide(ACTIVE, 300L, PAST_DUE, 400)).isEqualTo(APPLY);
        // The past_due event delivered late, after the active one it preceded: skipped, not applied backwards.
        assertThat(decide(ACTIVE, 300L, PAST_DUE, 200)).isEqualTo(SKIP);
        assertThat(decide(PAST_DUE, 400L, ACTIVE, 300)).isEqualTo(SKIP);
        // Both in one second: only Stripe's current object says which is the latest.
        assertThat(decide(ACTIVE, 300L, PAST_DUE, 300)).isEqualTo(RE_READ);
        assertThat(decide(PAST_DUE, 300L, ACTIVE, 300)).isEqualTo(RE_READ);
    }

    @Test
    void aRenewalWithTheSameStatusApplies() {
        assertThat(decide(ACTIVE, 100L, ACTIVE, 200)).isEqualTo(APPLY);
        assertThat(decide(ACTIVE, 100L, ACTIVE, 100)).isEqualTo(APPLY);
    }

    @Test
    void aTrialEndsIntoAPaidPeriodAFailedOneOrAPause() {
        assertThat(decide(TRIALING, 100L, ACTIVE, 200)).isEqualTo(APPLY);
        assertThat(decide(TRIALING, 100L, PAST_DUE, 200)).isEqualTo(APPLY);
        assertThat(decide(TRIALING, 100L, PAUSED, 200)).isEqualTo(APPLY);
        assertThat(decide(PAUSED, 200L, ACTIVE, 300)).isEqualTo(APPLY);
        assertThat(decide(INCOMPLETE, 100L, ACTIVE, 200)).isEqualTo(APPLY);
        assertThat(decide(INCOMPLETE, 100L, INCOMPLETE_EXPIRED, 200)).isEqualTo(APPLY);
        assertThat(decide(UNPAID, 100L, ACTIVE, 200)).isEqualTo(APPLY);
    }

    @Test
    void whatNeverHappensInStripeIsCheckedWithStripe() {
        // No subscription goes back to incomplete, nor into a trial from past_due: a stale or odd snapshot.
        assertThat(decide(ACTIVE, 100L, INCOMPLETE, 200)).isEqualTo(RE_READ);
        assertThat(decide(PAST_DUE, 100L, TRIALING, 200)).isEqualTo(RE_READ);
        assertThat(decide(TRIALING, null, INCOMPLETE, 5)).isEqualTo(RE_READ);
    }

    @Test
    void everyStripeStatusCanBeReachedFromAnUnresolvedSubscription() {
        for (SubscriptionStatus status : SubscriptionStatus.values()) {
            assertThat(SubscriptionStatus.ORDER.allows(PENDING, status)).as("pending → " + status).isTrue();
            if (status != PENDING) {
                assertThat(SubscriptionStatus.ORDER.allows(UNKNOWN, status)).as("unknown → " + status).isTrue();
            }
        }
        assertThat(SubscriptionStatus.ORDER.allows(UNKNOWN, PENDING)).isFalse();
    }

    @Test
    void statusesAreStripesWords() {
        assertThat(PAST_DUE.code()).isEqualTo("past_due");
        assertThat(INCOMPLETE_EXPIRED.code()).isEqualTo("incomplete_expired");
        assertThat(SubscriptionStatus.parse("past_due")).contains(PAST_DUE);
        assertThat(SubscriptionStatus.parse("PAST_DUE")).isEmpty();
        assertThat(SubscriptionStatus.parse("overdue")).isEmpty();
        assertThat(SubscriptionStatus.parse(null)).isEmpty();
    }

    @Test
    void whatEachStatusAllows() {
        assertThat(PAST_DUE.needsAttention()).isTrue();
        assertThat(UNPAID.needsAttention()).isTrue();
        assertThat(INCOMPLETE.needsAttention()).isTrue();
        assertThat(ACTIVE.needsAttention()).isFalse();
        assertThat(TRIALING.needsAttention()).isFalse();
        assertThat(ACTIVE.isLive()).isTrue();
        assertThat(TRIALING.isLive()).isTrue();
        assertThat(CANCELED.isLive()).isFalse();
        assertThat(PENDING.isUnresolved()).isTrue();
        assertThat(UNKNOWN.isUnresolved()).isTrue();
        assertThat(ACTIVE.isUnresolved()).isFalse();
    }
}
