package dev.paydeck.billing;

import java.math.BigDecimal;
import java.util.Map;

/** What a tax rate is created with; the percentage is between 0 and 100 with at most four decimals. */
public record TaxRateDraft(String displayName, String description, BigDecimal percentage, boolean inclusive,
                           String country, String state, String jurisdiction, Map<String, String> metadata) {
}
