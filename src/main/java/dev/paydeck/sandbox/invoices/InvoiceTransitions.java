package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.StripeError;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.paydeck.sandbox.invoices.InvoiceStatus.DRAFT;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.OPEN;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.PAID;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.UNCOLLECTIBLE;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.VOID;

/**
 * The invoice state machine as a table (Stripe's "Status transitions and finalization" guide): which status may
 * follow which, and from which statuses each API operation is allowed, refused otherwise.
 *
 * <pre>
 * draft ─(finalize; pay and send finalize first)→ open ─(pay)→ paid      (a zero-amount invoice: paid on finalizing)
 *                                                  ├─(void)→ void
 *                                                  └─(mark_uncollectible)→ uncollectible ─(pay)→ paid
 *                                                                                        └─(void)→ void
 * </pre>
 */
final class InvoiceTransitions {

    private static final Map<InvoiceStatus, Set<InvoiceStatus>> NEXT = new EnumMap<>(InvoiceStatus.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(OPEN, PAID));
        NEXT.put(OPEN, EnumSet.of(PAID, VOID, UNCOLLECTIBLE));
        NEXT.put(UNCOLLECTIBLE, EnumSet.of(PAID, VOID));
        NEXT.put(PAID, EnumSet.noneOf(InvoiceStatus.class));
        NEXT.put(VOID, EnumSet.noneOf(InvoiceStatus.class));
    }

    /** An API operation on an invoice, the statuses it is allowed from, and Stripe's refusal otherwise. */
    enum Operation {
        FINALIZE(EnumSet.of(DRAFT)),
        PAY(EnumSet.of(DRAFT, OPEN, UNCOLLECTIBLE)),
        SEND(EnumSet.of(DRAFT, OPEN)),
        VOID_INVOICE(EnumSet.of(OPEN, UNCOLLECTIBLE)),
        MARK_UNCOLLECTIBLE(EnumSet.of(OPEN)),
        UPDATE_DRAFT(EnumSet.of(DRAFT)),
        DELETE(EnumSet.of(DRAFT));

        private final Set<InvoiceStatus> allowedFrom;

        Operation(Set<InvoiceStatus> allowedFrom) {
            this.allowedFrom = allowedFrom;
        }

        boolean allowedFrom(InvoiceStatus status) {
            return allowedFrom.contains(status);
        }
    }

    private InvoiceTransitions() {
    }

    static boolean allowed(InvoiceStatus from, InvoiceStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** The next status, checked against the table (a refusal here is a sandbox bug, not a client error). */
    static InvoiceStatus move(InvoiceStatus from, InvoiceStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("An invoice cannot go from " + from + " to " + to);
        }
        return to;
    }

    /** Refuses the operation in this status with Stripe's message. */
    static void check(Operation operation, InvoiceStatus status) {
        if (!operation.allowedFrom(status)) {
            throw StripeError.invalid(null, message(operation, status));
        }
    }

    static String message(Operation operation, InvoiceStatus status) {
        return switch (operation) {
            case FINALIZE -> "This invoice is already finalized, you can't re-finalize a non-draft invoice.";
            case PAY -> status == PAID ? "Invoice is already paid" : "You cannot pay a void invoice.";
            case SEND -> "You can only send an invoice that is a draft or open. This invoice is "
                    + status.stripeName() + ".";
            case VOID_INVOICE -> status == DRAFT ? "You can only void an open or uncollectible invoice: delete a "
                    + "draft instead." : "You can only void an open or uncollectible invoice. This invoice is "
                    + status.stripeName() + ".";
            case MARK_UNCOLLECTIBLE -> "You can only mark an open invoice as uncollectible. This invoice is "
                    + status.stripeName() + ".";
            case UPDATE_DRAFT -> "This invoice is no longer a draft: only its metadata can change.";
            case DELETE -> "You can only delete draft invoices. Void an open invoice instead.";
        };
    }
}
