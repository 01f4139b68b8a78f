package dev.paydeck.billing.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The change-plan form: the item that changes (its Stripe id; chosen when the subscription has several), its new price
 * and quantity and how to prorate, previewed first; the confirmation carries the
 * preview's {@code prorationDate}, and {@code idempotencyKey} so that a confirmation sent twice changes (and charges)
 * once.
 */
record ChangeForm(
        String priceId,
        @Min(1) @Max(10_000) Integer quantity,
        String prorationBehavior,
        Long prorationDate,
        @Size(max = 100) String idempotencyKey,
        @Size(max = 255) String item) {
}
