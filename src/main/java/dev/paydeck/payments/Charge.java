package dev.paydeck.payments;

import dev.paydeck.shared.Money;

/** An attempt to move money for a payment (Stripe's Charge), with the card that was used. */
public record Charge(String id, Money amount, Money amountCaptured, Money amountRefunded, String status,
                     boolean paid, boolean captured, String failureCode, String failureMessage, String cardBrand,
                     String cardLast4, long created) {
}
