package dev.paydeck.billing;

import dev.paydeck.shared.Money;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a plan change would bill, from Stripe's invoice preview: with {@code always_invoice}, the invoice made at once
 * ({@code amountDue} is charged now); otherwise the next renewal's invoice with the prorations on it. Confirming the
 * change with {@code prorationDate} bills exactly this.
 */
public record SubscriptionPreview(SubscriptionChange change, long prorationDate, Money amountDue, Money total,
                                  boolean dueNow, List<Line> lines) {

    /** A line of the invoice: a proration (credit for unused time, charge for the remaining time) or a period. */
    public record Line(String description, Money amount, boolean proration, OffsetDateTime periodStart,
                       OffsetDateTime periodEnd) {
    }

    /** The lines that are prorations. */
    public List<Line> prorations() {
        return lines.stream().filter(Line::proration).toList();
    }
}
