package dev.paydeck.checkout.web;

/**
 * Staff's new-payment form: the amount as people write it ({@code 12.50}, {@code 12,50}), the currency's ISO code,
 * a description and the customer's email (both optional), and the key that makes a double submit one payment.
 */
record NewPaymentForm(String amount, String currency, String description, String customerEmail,
                      String idempotencyKey) {
}
