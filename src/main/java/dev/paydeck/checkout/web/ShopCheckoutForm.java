package dev.paydeck.checkout.web;

/** The shop's checkout form: the buyer's email, and the key that makes a double submit one payment. */
record ShopCheckoutForm(String email, String idempotencyKey) {
}
