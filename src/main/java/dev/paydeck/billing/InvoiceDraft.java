package dev.paydeck.billing;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.Money;

import java.util.List;
import java.util.Map;

/**
 * What an invoice is created with: a customer, lines (each a price of the catalog times a quantity, or a free amount
 * with a description), Stripe tax rate ids ({@code txr_…}) for the invoice and per line, a coupon (Stripe id), and
 * how it is collected: {@code charge_automatically}, or {@code send_invoice} due {@code daysUntilDue} days after it
 * is finalized.
 */
public record InvoiceDraft(CustomerId customer, List<Line> lines, List<String> taxRates, String coupon,
                           String collectionMethod, Integer daysUntilDue, String description,
                           Map<String, String> metadata) {

    public static final String CHARGE_AUTOMATICALLY = "charge_automatically";
    public static final String SEND_INVOICE = "send_invoice";

    /** A line: {@code price} and a quantity, or {@code amount} (the line's total) and a {@code description}. */
    public record Line(PriceId price, Money amount, String description, long quantity, List<String> taxRates) {
    }
}
