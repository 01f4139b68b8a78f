package dev.paydeck.billing;

import dev.paydeck.shared.Money;

import java.time.OffsetDateTime;

/**
 * A credit note on a paid invoice, as Paydeck issued it in Stripe: {@code amount} given back, refunded to the card
 * the invoice was paid with ({@code refunded}), or recorded as given back outside Stripe for an invoice paid outside
 * it. {@code status}: {@code pending}/{@code unknown} until Stripe answered, then {@code issued} (or {@code void}).
 */
public record CreditNote(CreditNoteId id, InvoiceId invoice, String stripeCreditNoteId, String number, Money amount,
                         String reason, String memo, String status, boolean refunded, OffsetDateTime createdAt) {

    /** Stripe's reasons for a credit note. */
    public static final java.util.List<String> REASONS = java.util.List.of("duplicate", "fraudulent", "order_change",
            "product_unsatisfactory");
}
