package dev.paydeck.payments;

import dev.paydeck.shared.Money;

/**
 * What an organization's payments in one currency brought in over a period: how many received money, what they
 * received (gross), what was refunded of it, and what is left (net).
 */
public record PaymentTotals(long count, Money gross, Money refunded) {

    public Money net() {
        return gross.minus(refunded);
    }
}
