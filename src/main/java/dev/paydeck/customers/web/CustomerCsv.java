package dev.paydeck.customers.web;

import dev.paydeck.customers.Customers;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.web.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The customers CSV export, one row per customer (deleted ones left out), times in UTC (ISO-8601). */
final class CustomerCsv {

    static final String[] COLUMNS = {"id", "created_at", "email", "name", "phone", "description",
            "stripe_customer_id"};

    private CustomerCsv() {
    }

    static void write(HttpServletResponse response, LocalDate today, Customers customers,
            OrganizationId organization, String search) {
        CsvWriter csv = CsvWriter.download(response, "customers-" + today + ".csv");
        csv.row((Object[]) COLUMNS);
        customers.export(organization, search, customer -> csv.row(customer.id(),
                DateTimeFormatter.ISO_INSTANT.format(customer.createdAt().withOffsetSameInstant(ZoneOffset.UTC)),
                customer.email(), customer.name(), customer.phone(), customer.description(),
                customer.stripeCustomerId()));
        csv.flush();
    }
}
