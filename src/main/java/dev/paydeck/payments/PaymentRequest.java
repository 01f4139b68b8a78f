package dev.paydeck.payments;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.Money;

import java.util.Map;

/**
 * What a payment is created with. The customer is an existing one ({@code customerId}) or a new one made from
 * {@code customerEmail} and {@code customerName}, or none.
 */
public record PaymentRequest(Money amount, CustomerId customerId, String customerEmail, String customerName,
                             String description, Map<String, String> metadata, boolean manualCapture,
                             String paymentMethod, boolean confirm, boolean offSession, String returnUrl,
                             String receiptEmail, String statementDescriptor) {
}
