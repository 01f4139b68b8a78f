package dev.paydeck.billing;

import java.util.List;
import java.util.Map;

/**
 * An invoice's creation as Stripe is asked it, with Stripe's ids resolved (customer, prices): kept with the record, so
 * that a re-send (a retry, the janitor) is the same calls with the same idempotency keys.
 */
record InvoiceRequest(String customer, String currency, String collectionMethod, Integer daysUntilDue,
                      String description, Map<String, String> metadata, List<String> taxRates, String coupon,
                      List<Line> lines) {

    /** A line: {@code price} (Stripe's id) times {@code quantity}, or {@code amount} (minor units) described. */
    record Line(String price, Long amount, String description, long quantity, List<String> taxRates) {
    }
}
