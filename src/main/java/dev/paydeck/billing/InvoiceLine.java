package dev.paydeck.billing;

import dev.paydeck.shared.Money;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A line of an invoice, as Stripe computed it: {@code amount} before tax and discounts, {@code stripePriceId} null for
 * a free amount, {@code taxRates} Stripe's {@code txr_} ids.
 */
public record InvoiceLine(int position, String stripeLineId, String description, long quantity,
                          String stripePriceId, Money amount, Money tax, Money discount, List<String> taxRates,
                          OffsetDateTime periodStart, OffsetDateTime periodEnd) {
}
