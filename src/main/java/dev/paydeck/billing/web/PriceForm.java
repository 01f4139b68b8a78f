package dev.paydeck.billing.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The form that adds a price to a product; {@code idempotencyKey} makes a double submit create one price. */
record PriceForm(
        String amount,
        String currency,
        String billing,
        @Min(1) @Max(1095) Integer intervalCount,
        @Size(max = 200) String nickname,
        @Size(max = 100) String idempotencyKey) {

    static PriceForm empty(String currency) {
        return new PriceForm("", currency, "year", 1, "", java.util.UUID.randomUUID().toString());
    }
}
