package dev.paydeck.billing.web;

import dev.paydeck.billing.Subscription;
import dev.paydeck.customers.Customer;
import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.Customers;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.web.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The subscriptions CSV export, one row per subscription (its first item's price and quantity): times in UTC
 * (ISO-8601), the amount per period in the currency's major unit with a dot ({@code 30.00}) beside its ISO currency.
 */
final class SubscriptionCsv {

    static final String[] COLUMNS = {"id", "created_at", "status", "customer_id", "customer_email",
            "stripe_customer_id", "price_id", "stripe_price_id", "quantity", "amount_per_period", "currency",
            "collection_method", "current_period_start", "current_period_end", "trial_end", "cancel_at_period_end",
            "canceled_at", "latest_invoice", "stripe_subscription_id"};

    /** Emails of the customers met so far, asked once each (bounded). */
    private static final int CACHED_CUSTOMERS = 10_000;

    private SubscriptionCsv() {
    }

    static String filename(LocalDate today) {
        return "subscriptions-" + today + ".csv";
    }

    /** Writes the header, then each subscription the export hands over, to the response. */
    static void write(HttpServletResponse response, LocalDate today, OrganizationId organization,
            Customers customers, Consumer<Consumer<Subscription>> export) {
        CsvWriter csv = CsvWriter.download(response, filename(today));
        csv.row((Object[]) COLUMNS);
        Map<CustomerId, Optional<String>> emails = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CustomerId, Optional<String>> eldest) {
                return size() > CACHED_CUSTOMERS;
            }
        };
        export.accept(s -> {
            Subscription.Item item = s.firstItem();
            var perPeriod = s.amountPerPeriod();
            csv.row(s.id(), time(s.createdAt()), s.status().code(), s.customer(),
                    s.customer() == null ? null : emails.computeIfAbsent(s.customer(),
                            id -> customers.find(organization, id).map(Customer::email)).orElse(null),
                    s.stripeCustomerId(), item == null ? null : item.price(),
                    item == null ? null : item.stripePriceId(), item == null ? null : item.quantity(),
                    perPeriod == null ? null : perPeriod.major().toPlainString(),
                    s.currency() == null ? null : s.currency().toUpperCase(), s.collectionMethod(),
                    time(s.currentPeriodStart()), time(s.currentPeriodEnd()), time(s.trialEnd()),
                    s.cancelAtPeriodEnd(), time(s.canceledAt()), s.latestInvoice(), s.stripeSubscriptionId());
        });
        csv.flush();
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
}
