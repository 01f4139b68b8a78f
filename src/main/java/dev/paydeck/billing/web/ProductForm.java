package dev.paydeck.billing.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The new-product form: the product and its first price. {@code idempotencyKey} is the form's hidden key, so that a
 * form submitted twice creates one product (and one first price).
 */
record ProductForm(
        @NotBlank @Size(max = 250) String name,
        @Size(max = 1000) String description,
        String amount,
        String currency,
        String billing,
        @Min(1) @Max(1095) Integer intervalCount,
        @Size(max = 100) String idempotencyKey) {

    static ProductForm empty() {
        return new ProductForm("", "", "", "usd", "month", 1, java.util.UUID.randomUUID().toString());
    }
}
