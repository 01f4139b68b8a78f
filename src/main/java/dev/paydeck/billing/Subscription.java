package dev.paydeck.billing;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.shared.Money;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A customer's subscription to prices of the catalog, as Paydeck keeps it (Stripe's Subscription with its items).
 * {@code customer} is Paydeck's customer when Paydeck knows the Stripe customer; {@code latestInvoice} is Stripe's
 * invoice id. The period is the first item's (Stripe keeps one per item; Paydeck's subscriptions bill them together).
 */
public record Subscription(SubscriptionId id, String stripeSubscriptionId, CustomerId customer,
                           String stripeCustomerId, SubscriptionStatus status, String collectionMethod,
                           Integer daysUntilDue, Integer trialPeriodDays, String currency, List<Item> items,
                           OffsetDateTime currentPeriodStart, OffsetDateTime currentPeriodEnd,
                           OffsetDateTime trialStart, OffsetDateTime trialEnd, boolean cancelAtPeriodEnd,
                           OffsetDateTime canceledAt, OffsetDateTime endedAt, String latestInvoice,
                           Map<String, String> metadata, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** One price of the subscription, so many times. {@code unitAmount} is null for a tiered price. */
    public record Item(String stripeItemId, PriceId price, String stripePriceId, long quantity, Money unitAmount) {

        /** What this item costs a period, when its price has a unit amount. */
        public Money amount() {
            return unitAmount == null ? null : unitAmount.withMinor(Math.multiplyExact(unitAmount.minor(), quantity));
        }
    }

    /** What a period costs before discounts and taxes; null when an item's price is tiered. */
    public Money amountPerPeriod() {
        Money total = null;
        for (Item item : items) {
            if (item.amount() == null) {
                return null;
            }
            total = total == null ? item.amount() : total.plus(item.amount());
        }
        return total;
    }

    /** What a period of the subscription costs, all items together; empty when a price has no unit amount. */
    public Optional<Money> periodAmount() {
        Money total = null;
        for (Item item : items) {
            if (item.amount() == null) {
                return Optional.empty();
            }
            total = total == null ? item.amount() : total.plus(item.amount());
        }
        return Optional.ofNullable(total);
    }

    /** The subscription's first item, or null before Stripe answered. */
    public Item firstItem() {
        return items.isEmpty() ? null : items.getFirst();
    }

    /** When it renews next: the end of its period, unless it ends then or has ended. */
    public OffsetDateTime nextRenewal() {
        return cancelAtPeriodEnd || status.isFinal() || status.isUnresolved() ? null : currentPeriodEnd;
    }
}
