package dev.paydeck.billing;

import java.util.List;

/**
 * A change of a subscription's plan: one item's price (null: the same) and quantity (null: the same), prorated as
 * Stripe's {@code proration_behavior} says: {@code create_prorations} (on the next invoice), {@code always_invoice}
 * (invoiced and charged now) or {@code none}. The item that moves is named by its Stripe id ({@code item},
 * {@code si_…}) or by the price it has now ({@code replacesPrice}); with neither, the subscription's only item (a
 * subscription of several items must say which).
 */
public record SubscriptionChange(PriceId price, Long quantity, String prorationBehavior, String item,
                                 PriceId replacesPrice) {

    public static final List<String> PRORATION_BEHAVIORS = List.of("create_prorations",
            "always_invoice", "none");

    /** A change of the subscription's only item. */
    public SubscriptionChange(PriceId price, Long quantity, String prorationBehavior) {
        this(price, quantity, prorationBehavior, null, null);
    }

    /**
     * The item a change moves: the one named by its Stripe id or by its price, else the only one; a
     * {@link Subscriptions.SubscriptionRefused} at the field when none or several would fit.
     */
    Subscription.Item itemOf(Subscription subscription) {
        if (item() != null) {
            return subscription.items().stream().filter(each -> item().equals(each.stripeItemId()))
                    .findFirst().orElseThrow(() -> new Subscriptions.SubscriptionRefused("item_id",
                            "The subscription has no item " + item() + "."));
        }
        if (replacesPrice() != null) {
            List<Subscription.Item> matching = subscription.items().stream()
                    .filter(each -> replacesPrice().equals(each.price())).toList();
            if (matching.size() != 1) {
                throw new Subscriptions.SubscriptionRefused("replaces_price_id", matching.isEmpty()
                        ? "No item of the subscription has this price."
                        : "Several items of the subscription have this price: name one with item_id.");
            }
            return matching.getFirst();
        }
        if (subscription.items().size() != 1) {
            throw new Subscriptions.SubscriptionRefused("item_id", "The subscription has "
                    + subscription.items().size()
                    + " items: say which one changes with item_id (or replaces_price_id).");
        }
        return subscription.items().getFirst();
    }

    /** Stripe's {@code proration_behavior} for this change ({@code create_prorations} unless told). */
    String behavior() {
        return prorationBehavior() == null ? "create_prorations" : prorationBehavior();
    }
}
