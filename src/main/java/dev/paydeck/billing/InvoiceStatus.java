package dev.paydeck.billing;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.paydeck.shared.mirror.StateOrder;
import dev.paydeck.shared.mirror.StripeCodes;

import java.util.Optional;

/**
 * An invoice's status: Stripe's ({@code draft}, {@code open}, {@code paid}, {@code uncollectible}, {@code void}), or
 * {@code pending} (not yet in Stripe), {@code unknown} (Stripe did not answer its creation; the janitor resolves it)
 * and {@code deleted} (a draft deleted in Stripe). {@link #ORDER} is Stripe's invoice state machine as a table:
 * <pre>
 * draft → open → paid          (a zero-amount invoice: paid on finalizing)
 *           ├──→ void
 *           └──→ uncollectible → paid | void
 * </pre>
 */
public enum InvoiceStatus {
    PENDING, UNKNOWN, DRAFT, OPEN, PAID, UNCOLLECTIBLE, VOID, DELETED;

    static final StateOrder<InvoiceStatus> ORDER = StateOrder.of(InvoiceStatus.class)
            .from(PENDING, UNKNOWN, DRAFT, OPEN, PAID, UNCOLLECTIBLE, VOID, DELETED)
            .from(UNKNOWN, DRAFT, OPEN, PAID, UNCOLLECTIBLE, VOID, DELETED)
            .from(DRAFT, OPEN, PAID, DELETED)
            .from(OPEN, PAID, VOID, UNCOLLECTIBLE)
            .from(UNCOLLECTIBLE, PAID, VOID)
            // Stripe has no way back to a status an invoice left: of two events of one second, the one further on
            // in the table is the later (a renewal's invoice is finalized and paid in the same second).
            .neverGoesBack()
            .build();

    /** Stripe's word, as the API and the table show it. */
    @JsonValue
    public String code() {
        return StripeCodes.code(this);
    }

    public static Optional<InvoiceStatus> parse(String code) {
        return StripeCodes.parse(InvoiceStatus.class, code);
    }

    static InvoiceStatus of(String code) {
        return StripeCodes.of(InvoiceStatus.class, code);
    }

    /** Paid, void or deleted: the invoice never changes status again. */
    public boolean isFinal() {
        return ORDER.isFinal(this);
    }

    /** Not known to Stripe's answer yet: never sent, or sent without an answer. */
    public boolean isUnresolved() {
        return this == PENDING || this == UNKNOWN;
    }

    /** The actions Stripe allows on an invoice in this status. */
    public boolean allows(InvoiceAction action) {
        return switch (action) {
            case FINALIZE -> this == DRAFT;
            case SEND -> this == DRAFT || this == OPEN;
            case PAY, PAY_OUT_OF_BAND -> this == DRAFT || this == OPEN || this == UNCOLLECTIBLE;
            case VOID -> this == OPEN || this == UNCOLLECTIBLE;
            case MARK_UNCOLLECTIBLE -> this == OPEN;
        };
    }
}
