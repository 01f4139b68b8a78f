package dev.paydeck.billing;

/**
 * A change of a subscription's plan: its first item's price (null: the same) and quantity (null: the same), prorated
 * as Stripe's {@code proration_behavior} says: {@code create_prorations} (on the next invoice),
 * {@code always_invoice} (invoiced and charged now) or {@code none}.
 */
public record SubscriptionChange(PriceId price, Long quantity, String prorationBehavior) {

    public static final java.util.List<String> PRORATION_BEHAVIORS = java.util.List.of("create_prorations",
            "always_invoice", "none");
}
