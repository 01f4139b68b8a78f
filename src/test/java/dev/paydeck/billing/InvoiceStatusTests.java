package dev.paydeck.billing;

import dev.paydeck.shared.mirror.StateOrder;
import org.junit.jupiter.api.Test;

import static dev.paydeck.billing.InvoiceStatus.DELETED;
import static dev.paydeck.billing.InvoiceStatus.DRAFT;
import static dev.paydeck.billing.InvoiceStatus.OPEN;
import static dev.paydeck.billing.InvoiceStatus.PAID;
import static dev.paydeck.billing.InvoiceStatus.PENDING;
import static dev.paydeck.billing.InvoiceStatus.UNCOLLECTIBLE;
import static dev.paydeck.billing.InvoiceStatus.UNKNOWN;
import static dev.paydeck.billing.InvoiceStatus.VOID;
import static dev.paydeck.shared.mirror.StateOrder.Decision.APPLY;
import static dev.paydeck.shared.mirror.StateOrder.Decision.RE_READ;
import static dev.paydeck.shared.mirror.StateOrder.Decision.SKIP;
import static org.assertj.core.api.Assertions.assertThat;

/** The order in which invoice snapshots may replace an invoice's status, and the actions each status allows. */
class InvoiceStatusTests {

    private static StateOrder.Decision decide(InvoiceStatus current, Long currentEventCreated,
            InvoiceStatus incoming, long eventCreated) {
        return InvoiceStatus.ORDER.decide(current, currentEventCreated, incoming, eventCreated);
    }

    @Test
    void paidVoidAndDeletedAreFinal() {
        assertThat(InvoiceStatus.ORDER.finalStatuses()).containsExactlyInAnyOrder(PAID, VOID, DELETED);
        assertThat(decide(PAID, 100L, OPEN, 200)).isEqualTo(SKIP);
        assertThat(decide(VOID, null, PAID, 200)).isEqualTo(SKIP);
        assertThat(UNCOLLECTIBLE.isFinal()).isFalse();
    }

    @Test
    void stripesStateMachineMovesForward() {
        assertThat(decide(DRAFT, 100L, OPEN, 101)).isEqualTo(APPLY);
        assertThat(decide(OPEN, 100L, PAID, 101)).isEqualTo(APPLY);
        assertThat(decide(OPEN, 100L, VOID, 101)).isEqualTo(APPLY);
        assertThat(decide(OPEN, 100L, UNCOLLECTIBLE, 101)).isEqualTo(APPLY);
        assertThat(decide(UNCOLLECTIBLE, 100L, PAID, 101)).isEqualTo(APPLY);
        assertThat(decide(UNCOLLECTIBLE, 100L, VOID, 101)).isEqualTo(APPLY);
        assertThat(decide(DRAFT, null, PAID, 1)).as("a zero-amount invoice is paid on finalizing").isEqualTo(APPLY);
    }

    @Test
    void aLateEventNeverMovesAnInvoiceBack() {
        assertThat(decide(OPEN, 100L, DRAFT, 99)).as("older").isEqualTo(SKIP);
        assertThat(decide(OPEN, null, DRAFT, 120)).as("looks backwards: Stripe decides").isEqualTo(RE_READ);
        assertThat(decide(UNCOLLECTIBLE, 100L, OPEN, 101)).isEqualTo(RE_READ);
        // An invoice never comes back to a status it left: a move forward is the later one, even in the same second.
        assertThat(decide(DRAFT, 100L, OPEN, 100)).as("same second, forward").isEqualTo(APPLY);
        assertThat(decide(OPEN, 100L, DRAFT, 100)).as("same second, backwards").isEqualTo(RE_READ);
        assertThat(decide(OPEN, 100L, OPEN, 100)).as("same status: its amounts may have changed").isEqualTo(APPLY);
    }

    @Test
    void everyStatusCanBeReachedFromAnUnresolvedInvoice() {
        for (InvoiceStatus status : InvoiceStatus.values()) {
            assertThat(InvoiceStatus.ORDER.allows(PENDING, status)).as("pending → " + status).isTrue();
            if (status != PENDING) {
                assertThat(InvoiceStatus.ORDER.allows(UNKNOWN, status)).as("unknown → " + status).isTrue();
            }
        }
        assertThat(InvoiceStatus.ORDER.allows(DRAFT, PENDING)).isFalse();
        assertThat(PENDING.isUnresolved()).isTrue();
        assertThat(DRAFT.isUnresolved()).isFalse();
    }

    @Test
    void eachStatusAllowsTheActionsStripeAllows() {
        assertThat(DRAFT.allows(InvoiceAction.FINALIZE)).isTrue();
        assertThat(OPEN.allows(InvoiceAction.FINALIZE)).isFalse();
        assertThat(OPEN.allows(InvoiceAction.SEND)).isTrue();
        assertThat(PAID.allows(InvoiceAction.SEND)).isFalse();
        assertThat(OPEN.allows(InvoiceAction.PAY)).isTrue();
        assertThat(UNCOLLECTIBLE.allows(InvoiceAction.PAY_OUT_OF_BAND)).isTrue();
        assertThat(VOID.allows(InvoiceAction.PAY)).isFalse();
        assertThat(DRAFT.allows(InvoiceAction.VOID)).as("a draft is deleted, not voided").isFalse();
        assertThat(UNCOLLECTIBLE.allows(InvoiceAction.VOID)).isTrue();
        assertThat(OPEN.allows(InvoiceAction.MARK_UNCOLLECTIBLE)).isTrue();
        assertThat(UNCOLLECTIBLE.allows(InvoiceAction.MARK_UNCOLLECTIBLE)).isFalse();
        assertThat(PENDING.allows(InvoiceAction.FINALIZE)).isFalse();
    }

    @Test
    void codesAreStripesWords() {
        assertThat(UNCOLLECTIBLE.code()).isEqualTo("uncollectible");
        assertThat(InvoiceStatus.parse("void")).contains(VOID);
        assertThat(InvoiceStatus.parse("Paid")).isEmpty();
    }
}
