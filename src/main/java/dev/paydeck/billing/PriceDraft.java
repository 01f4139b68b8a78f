package dev.paydeck.billing;

import dev.paydeck.shared.Money;

import java.util.Map;

/**
 * What a price is created with: its amount per unit, once or {@code recurring}, and optionally a lookup key (moved
 * from the price holding it when {@code transferLookupKey}), a nickname and metadata.
 */
public record PriceDraft(Money unitAmount, Price.Recurring recurring, String lookupKey, boolean transferLookupKey,
                         String nickname, Map<String, String> metadata) {
}
