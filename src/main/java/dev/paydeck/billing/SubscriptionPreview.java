package dev.paydeck.billing;

import com.stripe.model.Invoice;
import com.stripe.model.InvoiceLineItem;
import dev.paydeck.shared.Money;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** The preview of {@code change} from Stripe's preview invoice. */
    static SubscriptionPreview of(SubscriptionChange change, Invoice invoice) {
        List<SubscriptionPreview.Line> lines = invoice.getLines() == null ? List.of() : invoice.getLines().getData()
                .stream().map(line -> new SubscriptionPreview.Line(line.getDescription(),
                        Money.of(line.getAmount(), invoice.getCurrency()), isProration(line),
                        line.getPeriod() == null ? null : Instant.ofEpochSecond(line.getPeriod().getStart())
                                .atOffset(ZoneOffset.UTC),
                        line.getPeriod() == null ? null : Instant.ofEpochSecond(line.getPeriod().getEnd())
                                .atOffset(ZoneOffset.UTC)))
                .toList();
        // The proration lines start at the proration date Stripe used; the change is sent with the same one.
        long prorationDate = invoice.getLines() == null ? invoice.getCreated() : invoice.getLines().getData().stream()
                .filter(SubscriptionPreview::isProration).map(line -> line.getPeriod().getStart()).findFirst()
                .orElse(invoice.getCreated());
        return new SubscriptionPreview(change, prorationDate, Money.of(invoice.getAmountDue(), invoice.getCurrency()),
                Money.of(invoice.getTotal(), invoice.getCurrency()), "always_invoice".equals(change.behavior()),
                lines);
    }

    private static boolean isProration(InvoiceLineItem line) {
        return line.getParent() != null && line.getParent().getSubscriptionItemDetails() != null
                && Boolean.TRUE.equals(line.getParent().getSubscriptionItemDetails().getProration());
    }
}
