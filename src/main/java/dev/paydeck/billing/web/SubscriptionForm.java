package dev.paydeck.billing.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The new-subscription form: a customer, a recurring price and its quantity, an optional trial, how it is paid.
 * {@code idempotencyKey} is the form's hidden key, so that a form submitted twice subscribes once.
 */
record SubscriptionForm(
        @NotBlank String customerId,
        @NotBlank String priceId,
        @Min(1) @Max(10_000) Integer quantity,
        @Min(1) @Max(730) Integer trialPeriodDays,
        String collectionMethod,
        @Min(1) @Max(365) Integer daysUntilDue,
        @Size(max = 100) String idempotencyKey) {

    static SubscriptionForm empty(String customerId) {
        return new SubscriptionForm(customerId == null ? "" : customerId, "", 1, null, "charge_automatically", 30,
                java.util.UUID.randomUUID().toString());
    }
}
