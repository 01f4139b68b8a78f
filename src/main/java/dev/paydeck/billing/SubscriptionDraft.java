package dev.paydeck.billing;

import dev.paydeck.customers.CustomerId;

import java.util.Map;

/**
 * What a subscription is created with: a customer, one recurring price of the catalog and its quantity, an optional
 * trial, and how it is paid: {@code charge_automatically} (the customer's default card) or {@code send_invoice}
 * (payable within {@code daysUntilDue} days). {@code paymentBehavior} {@link #DEFAULT_INCOMPLETE}: the first payment
 * is the customer's to make (the pricing page's checkout); null: Stripe's default.
 */
public record SubscriptionDraft(CustomerId customer, PriceId price, long quantity, Integer trialPeriodDays,
                                String collectionMethod, Integer daysUntilDue, Map<String, String> metadata,
                                String paymentBehavior) {

    public static final String CHARGE_AUTOMATICALLY = "charge_automatically";
    public static final String SEND_INVOICE = "send_invoice";
    public static final String DEFAULT_INCOMPLETE = "default_incomplete";

    /** A subscription staff create: paid by Stripe's default behaviour. */
    public SubscriptionDraft(CustomerId customer, PriceId price, long quantity, Integer trialPeriodDays,
            String collectionMethod, Integer daysUntilDue, Map<String, String> metadata) {
        this(customer, price, quantity, trialPeriodDays, collectionMethod, daysUntilDue, metadata, null);
    }
}
