package dev.paydeck.billing.web;

import dev.paydeck.billing.Invoice;
import dev.paydeck.shared.web.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/**
 * The invoices CSV export, one row per invoice: times in UTC (ISO-8601), amounts in the currency's major unit with a
 * dot ({@code 12.50}), each with its ISO currency beside it, as {@code PaymentCsv} writes payments.
 */
final class InvoiceCsv {

    static final String[] COLUMNS = {"id", "number", "created_at", "status", "overdue", "collection_method",
            "due_date", "customer_id", "stripe_customer_id", "currency", "subtotal", "tax", "discount", "total",
            "amount_due", "amount_paid", "amount_remaining", "paid_at", "stripe_invoice_id", "hosted_invoice_url"};

    private InvoiceCsv() {
    }

    static String filename(LocalDate today) {
        return "invoices-" + today + ".csv";
    }

    /** Writes the header, then each invoice the export hands over, to the response. */
    static void write(HttpServletResponse response, Instant now, Consumer<Consumer<Invoice>> export) {
        CsvWriter csv = CsvWriter.download(response, filename(LocalDate.ofInstant(now, ZoneOffset.UTC)));
        csv.row((Object[]) COLUMNS);
        export.accept(invoice -> csv.row(invoice.id(), invoice.number(), time(invoice.createdAt()),
                invoice.status().code(), invoice.isOverdue(now), invoice.collectionMethod(), time(invoice.dueDate()),
                invoice.customer(), invoice.stripeCustomerId(), invoice.total().currency().getCurrencyCode(),
                invoice.subtotal().major().toPlainString(), invoice.tax().major().toPlainString(),
                invoice.discount().major().toPlainString(), invoice.total().major().toPlainString(),
                invoice.amountDue().major().toPlainString(), invoice.amountPaid().major().toPlainString(),
                invoice.amountRemaining().major().toPlainString(), time(invoice.paidAt()),
                invoice.stripeInvoiceId(), invoice.hostedInvoiceUrl()));
        csv.flush();
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
