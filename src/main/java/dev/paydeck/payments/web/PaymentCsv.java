package dev.paydeck.payments.web;

import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.payments.Payment;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.web.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The payments CSV export, one row per payment: times in UTC (ISO-8601), amounts in the currency's major unit with a
 * dot ({@code 12.50}), as spreadsheets and accounting tools read them, each with its ISO currency beside it.
 */
final class PaymentCsv {

    static final String[] COLUMNS = {"id", "created_at", "status", "amount", "amount_received", "amount_refunded",
            "currency", "customer_id", "customer_email", "description", "stripe_payment_intent_id", "failure_code",
            "decline_code", "failure_message"};

    /** Emails of the customers met so far: a payment list repeats its customers, a bounded cache asks once. */
    private static final int CACHED_CUSTOMERS = 10_000;

    private PaymentCsv() {
    }

    static String filename(LocalDate today) {
        return "payments-" + today + ".csv";
    }

    /** Writes the header, then each payment the export hands over, to the response. */
    static void write(HttpServletResponse response, LocalDate today, OrganizationId organization,
            Customers customers, Consumer<Consumer<Payment>> export) {
        CsvWriter csv = CsvWriter.download(response, filename(today));
        csv.row((Object[]) COLUMNS);
        Map<CustomerId, Optional<String>> emails = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CustomerId, Optional<String>> eldest) {
                return size() > CACHED_CUSTOMERS;
            }
        };
        export.accept(payment -> csv.row(payment.id(),
                DateTimeFormatter.ISO_INSTANT.format(payment.createdAt().withOffsetSameInstant(ZoneOffset.UTC)),
                payment.status().code(), payment.amount().major().toPlainString(),
                payment.amountReceived().major().toPlainString(), payment.amountRefunded().major().toPlainString(),
                payment.amount().currency().getCurrencyCode(), payment.customerId(),
                payment.customerId() == null ? null : emails.computeIfAbsent(payment.customerId(),
                        id -> customers.find(organization, id).map(Customer::email)).orElse(null),
                payment.description(), payment.stripePaymentIntentId(),
                payment.lastError() == null ? null : payment.lastError().code(),
                payment.lastError() == null ? null : payment.lastError().declineCode(),
                payment.lastError() == null ? null : payment.lastError().message()));
        csv.flush();
    }
}
