package dev.paydeck.billing;

import dev.paydeck.customers.CustomerId;

import java.util.Map;

/**
 * What staff create a subscription with: a customer, one recurring price of the catalog and its quantity, an optional
 * trial, and how it is paid: {@code charge_automatically} (the customer's default card) or {@code send_invoice}
 * (payable within {@code daysUntilDue} days).
 */
public record SubscriptionDraft(CustomerId customer, PriceId price, long quantity, Integer trialPeriodDays,
                                String collectionMethod, Integer daysUntilDue, Map<String, String> metadata) {

    public static final String CHARGE_AUTOMATICALLY = "charge_automatically";
    public static final String SEND_INVOICE = "send_invoice";
}
