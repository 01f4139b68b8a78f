package dev.paydeck.payments;

import dev.paydeck.shared.Money;

import java.time.OffsetDateTime;

/**
 * What the payments page asks for (null: no filter): a status group, a free text (a payment id, a PaymentIntent id,
 * part of a description or of a customer's email), a customer (part of an email or name, or a customer id), a
 * creation period, an amount range (in one currency: {@code minimum} and {@code maximum} share it), and a page of
 * {@code limit} after the payment {@code startingAfter}, newest first.
 */
public record PaymentSearch(PaymentStatusGroup group, String text, String customer, OffsetDateTime createdFrom,
                            OffsetDateTime createdBefore, Money minimum, Money maximum, int limit,
                            PaymentId startingAfter) {

    public PaymentSearch {
        if (minimum != null && maximum != null && !minimum.currency().equals(maximum.currency())) {
            throw new IllegalArgumentException("the amount range is in one currency");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        customer = customer == null || customer.isBlank() ? null : customer.strip();
    }
}
