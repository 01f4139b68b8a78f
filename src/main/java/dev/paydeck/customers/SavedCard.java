package dev.paydeck.customers;

/** A card saved on a customer in Stripe (a PaymentMethod of type card), as the customer's page shows it. */
public record SavedCard(String paymentMethodId, String brand, String last4, Long expMonth, Long expYear) {
}
