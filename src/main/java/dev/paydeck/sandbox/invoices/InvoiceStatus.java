package dev.paydeck.sandbox.invoices;

import java.util.Locale;

/** An invoice's {@code status}, with Stripe's names. */
enum InvoiceStatus {
    DRAFT, OPEN, PAID, UNCOLLECTIBLE, VOID;

    String stripeName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static InvoiceStatus of(String stripeName) {
        return valueOf(stripeName.toUpperCase(Locale.ROOT));
    }
}
