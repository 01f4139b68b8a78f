package dev.paydeck.payments;

/** An attempt to move money for a payment (Stripe's Charge), with the card that was used. */
public record Charge(String id, long amount, long amountCaptured, long amountRefunded, String currency,
                     String status, boolean paid, boolean captured, String failureCode, String failureMessage,
                     String cardBrand, String cardLast4, long created) {
}
