package dev.paydeck.billing;

import dev.paydeck.shared.Money;

import java.time.Instant;
import java.util.List;

/**
 * The invoices created in [{@code from}, {@code to}), per currency: how many are open (not yet due), overdue (open,
 * past due), paid and uncollectible, and for how much (what was paid for paid ones, what remains due for others).
 */
public record InvoiceStatistics(Instant from, Instant to, List<InCurrency> currencies) {

    /** One currency's figures. */
    public record InCurrency(String currency, Figure open, Figure overdue, Figure paid, Figure uncollectible) {
    }

    /** How many invoices, and their amount. */
    public record Figure(long count, Money amount) {
    }
}
