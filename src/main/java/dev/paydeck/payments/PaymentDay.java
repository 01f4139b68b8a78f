package dev.paydeck.payments;

import dev.paydeck.shared.Money;

import java.time.LocalDate;

/**
 * An organization's payments of one day in one currency, as the dashboard sums them: how many received money, what
 * they received (gross) and what was refunded of it; how many succeeded (or were authorized, waiting for capture) and
 * how many failed (an attempt declined or erred, and no later one went through).
 */
public record PaymentDay(LocalDate day, long count, Money gross, Money refunded, long succeeded, long failed) {

    public Money net() {
        return gross.minus(refunded);
    }
}
