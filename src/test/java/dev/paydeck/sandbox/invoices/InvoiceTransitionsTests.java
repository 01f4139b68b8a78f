package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.invoices.InvoiceTransitions.Operation;
import org.junit.jupiter.api.Test;

import static dev.paydeck.sandbox.invoices.InvoiceStatus.DRAFT;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.OPEN;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.PAID;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.UNCOLLECTIBLE;
import static dev.paydeck.sandbox.invoices.InvoiceStatus.VOID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceTransitionsTests {

    @Test
    void theTableFollowsStripesStatusTransitions() {
        assertThat(InvoiceTransitions.allowed(DRAFT, OPEN)).isTrue();
        assertThat(InvoiceTransitions.allowed(DRAFT, PAID)).as("a zero-amount invoice is paid on finalizing")
                .isTrue();
        assertThat(InvoiceTransitions.allowed(OPEN, PAID)).isTrue();
        assertThat(InvoiceTransitions.allowed(OPEN, VOID)).isTrue();
        assertThat(InvoiceTransitions.allowed(OPEN, UNCOLLECTIBLE)).isTrue();
        assertThat(InvoiceTransitions.allowed(UNCOLLECTIBLE, PAID)).isTrue();
        assertThat(InvoiceTransitions.allowed(UNCOLLECTIBLE, VOID)).isTrue();
        assertThat(InvoiceTransitions.allowed(DRAFT, VOID)).isFalse();
        assertThat(InvoiceTransitions.allowed(PAID, VOID)).isFalse();
        assertThat(InvoiceTransitions.allowed(VOID, OPEN)).isFalse();
        assertThat(InvoiceTransitions.allowed(UNCOLLECTIBLE, OPEN)).isFalse();
        assertThatThrownBy(() -> InvoiceTransitions.move(PAID, OPEN)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void operationsOutsideTheirStatusesAreRefusedWithStripesMessage() {
        assertThatThrownBy(() -> InvoiceTransitions.check(Operation.FINALIZE, OPEN))
                .isInstanceOfSatisfying(StripeError.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.getMessage()).isEqualTo("This invoice is already finalized, you can't "
                            + "re-finalize a non-draft invoice.");
                });
        assertThatThrownBy(() -> InvoiceTransitions.check(Operation.PAY, PAID))
                .hasMessage("Invoice is already paid");
        assertThatThrownBy(() -> InvoiceTransitions.check(Operation.VOID_INVOICE, PAID))
                .hasMessageContaining("This invoice is paid.");
        assertThatThrownBy(() -> InvoiceTransitions.check(Operation.MARK_UNCOLLECTIBLE, UNCOLLECTIBLE))
                .isInstanceOf(StripeError.class);
        for (Operation operation : Operation.values()) {
            for (InvoiceStatus status : InvoiceStatus.values()) {
                if (operation.allowedFrom(status)) {
                    InvoiceTransitions.check(operation, status);
                }
            }
        }
        assertThat(Operation.PAY.allowedFrom(UNCOLLECTIBLE)).isTrue();
        assertThat(Operation.VOID_INVOICE.allowedFrom(UNCOLLECTIBLE)).isTrue();
        assertThat(Operation.SEND.allowedFrom(VOID)).isFalse();
    }
}
