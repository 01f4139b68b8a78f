package dev.paydeck.billing;

import dev.paydeck.shared.Money;

import java.util.Map;

/**
 * What a price is created with: its amount per unit, or its {@code tiers} (then {@code unitAmount} is null), once or
 * {@code recurring}, and optionally a lookup key (moved from the price holding it when {@code transferLookupKey}), a
 * nickname and metadata.
 */
public record PriceDraft(Money unitAmount, Price.Tiers tiers, Price.Recurring recurring, String lookupKey,
                         boolean transferLookupKey, String nickname, Map<String, String> metadata) {

    /** Stripe's lower-case currency code, from the amount or the first tier. */
    public String currency() {
        if (unitAmount != null) {
            return unitAmount.stripeCurrency();
        }
        Price.Tier first = tiers.tiers().getFirst();
        return (first.unitAmount() != null ? first.unitAmount() : first.flatAmount()).stripeCurrency();
    }
}
