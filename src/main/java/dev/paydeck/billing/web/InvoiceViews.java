package dev.paydeck.billing.web;

import dev.paydeck.billing.CreditNote;
import dev.paydeck.billing.Invoice;
import dev.paydeck.billing.InvoiceLine;
import dev.paydeck.billing.InvoiceStatistics;
import dev.paydeck.organizations.StripeCallView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Invoices as the API shows them: Stripe's field names, amounts in the currency's smallest unit. */
final class InvoiceViews {

    private InvoiceViews() {
    }

    record InvoiceView(
            UUID id,
            @Schema(example = "in_1QxYbX2eZvKYlo2C") String stripeInvoiceId,
            UUID customerId,
            @Schema(example = "cus_QxYbX2eZvKYlo2") String stripeCustomerId,
            @Schema(description = "The subscription that made it, if any") String stripeSubscriptionId,
            @Schema(example = "open", description = "draft, open, paid, uncollectible, void; pending or unknown "
                    + "while Stripe has not confirmed its creation; deleted for a draft deleted in Stripe")
            String status,
            @Schema(description = "Open and past its due date") boolean overdue,
            @Schema(example = "send_invoice") String collectionMethod,
            @Schema(example = "A1B2C3D4-0001") String number,
            @Schema(example = "usd") String currency,
            @Schema(example = "5000") long subtotal,
            @Schema(example = "900") long tax,
            @Schema(example = "500") long discount,
            @Schema(example = "5400") long total,
            @Schema(example = "$54.00") String totalFormatted,
            @Schema(example = "5400") long amountDue,
            @Schema(example = "0") long amountPaid,
            @Schema(example = "5400") long amountRemaining,
            OffsetDateTime dueDate,
            OffsetDateTime periodStart,
            OffsetDateTime periodEnd,
            @Schema(description = "The page where the customer sees and pays it (once finalized)")
            String hostedInvoiceUrl,
            @Schema(description = "Its PDF (once finalized)") String invoicePdf,
            String description,
            @Schema(description = "Recorded as paid outside Stripe") boolean paidOutOfBand,
            OffsetDateTime finalizedAt,
            OffsetDateTime paidAt,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static InvoiceView of(Invoice i, Instant now) {
            return new InvoiceView(i.id().id(), i.stripeInvoiceId(), i.customer() == null ? null : i.customer().id(),
                    i.stripeCustomerId(), i.stripeSubscriptionId(), i.status().code(), i.isOverdue(now),
                    i.collectionMethod(), i.number(), i.currency(), i.subtotal().minor(), i.tax().minor(),
                    i.discount().minor(), i.total().minor(), i.total().format(), i.amountDue().minor(),
                    i.amountPaid().minor(), i.amountRemaining().minor(), i.dueDate(), i.periodStart(), i.periodEnd(),
                    i.hostedInvoiceUrl(), i.invoicePdf(), i.description(), i.paidOutOfBand(), i.finalizedAt(),
                    i.paidAt(), i.createdAt(), i.updatedAt());
        }
    }

    record LineView(
            @Schema(example = "il_1QxYbX2eZvKYlo2C") String stripeLineId,
            @Schema(example = "Pro plan") String description,
            @Schema(example = "2") long quantity,
            @Schema(example = "price_1QxYbX2eZvKYlo2", description = "Absent for a free amount") String stripePriceId,
            @Schema(example = "3000", description = "Before tax and discounts") long amount,
            @Schema(example = "540") long tax,
            @Schema(example = "300") long discount,
            @Schema(example = "[\"txr_1QxYbX2eZvKYlo2\"]") List<String> taxRates,
            OffsetDateTime periodStart,
            OffsetDateTime periodEnd) {

        static LineView of(InvoiceLine l) {
            return new LineView(l.stripeLineId(), l.description(), l.quantity(), l.stripePriceId(),
                    l.amount().minor(), l.tax().minor(), l.discount().minor(), l.taxRates(), l.periodStart(),
                    l.periodEnd());
        }
    }


    record CreditNoteView(
            UUID id,
            @Schema(example = "cn_1QxYbX2eZvKYlo2C") String stripeCreditNoteId,
            @Schema(example = "A1B2C3D4-0001-CN-01") String number,
            @Schema(example = "1500") long amount,
            @Schema(example = "usd") String currency,
            @Schema(example = "$15.00") String amountFormatted,
            @Schema(example = "order_change") String reason,
            String memo,
            @Schema(example = "issued", description = "issued or void; pending or unknown while Stripe has not "
                    + "answered") String status,
            @Schema(description = "Refunded to the invoice's payment; false: given back outside Stripe")
            boolean refunded,
            OffsetDateTime createdAt) {

        static CreditNoteView of(CreditNote n) {
            return new CreditNoteView(n.id().id(), n.stripeCreditNoteId(), n.number(), n.amount().minor(),
                    n.amount().stripeCurrency(), n.amount().format(), n.reason(), n.memo(), n.status(), n.refunded(),
                    n.createdAt());
        }
    }

    record InvoiceDetail(InvoiceView invoice, List<LineView> lines,
                         @Schema(description = "Credit notes issued on it, oldest first")
                         List<CreditNoteView> creditNotes,
                         @Schema(description = "Every call Paydeck made to Stripe about this invoice, oldest first")
                         List<StripeCallView> stripeCalls) {
    }

    record FigureView(@Schema(example = "3") long count, @Schema(example = "16200") long amount,
                      @Schema(example = "$162.00") String amountFormatted) {

        static FigureView of(InvoiceStatistics.Figure figure) {
            return new FigureView(figure.count(), figure.amount().minor(), figure.amount().format());
        }
    }

    record CurrencyView(@Schema(example = "usd") String currency, FigureView open, FigureView overdue,
                        FigureView paid, FigureView uncollectible) {
    }

    record StatisticsView(OffsetDateTime from, OffsetDateTime to, List<CurrencyView> currencies) {

        static StatisticsView of(InvoiceStatistics statistics) {
            return new StatisticsView(statistics.from().atOffset(ZoneOffset.UTC),
                    statistics.to().atOffset(ZoneOffset.UTC), statistics.currencies().stream()
                    .map(c -> new CurrencyView(c.currency(), FigureView.of(c.open()), FigureView.of(c.overdue()),
                            FigureView.of(c.paid()), FigureView.of(c.uncollectible()))).toList());
        }
    }
}
