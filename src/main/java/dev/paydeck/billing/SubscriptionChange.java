package dev.paydeck.billing;

/**
 * A change of a subscription's plan: one item's price (null: the same) and quantity (null: the same), prorated as
 * Stripe's {@code proration_behavior} says: {@code create_prorations} (on the next invoice), {@code always_invoice}
 * (invoiced and charged now) or {@code none}. The item that moves is named by its Stripe id ({@code item},
 * {@code si_…}) or by the price it has now ({@code replacesPrice}); with neither, the subscription's only item (a
 * subscription of several items must say which).
 */
public record SubscriptionChange(PriceId price, Long quantity, String prorationBehavior, String item,
                                 PriceId replacesPrice) {

    public static final java.util.List<String> PRORATION_BEHAVIORS = java.util.List.of("create_prorations",
            "always_invoice", "none");

    /** A change of the subscription's only item. */
    public SubscriptionChange(PriceId price, Long quantity, String prorationBehavior) {
        this(price, quantity, prorationBehavior, null, null);
    }
}
