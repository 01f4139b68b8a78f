package dev.paydeck.billing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A tax an organization charges, as Paydeck keeps it (Stripe's TaxRate): a percentage (a decimal, never a double),
 * included in prices or added to them, where it applies. Stripe fixes the percentage and {@code inclusive} at
 * creation and deletes no tax rate: one is archived.
 */
public record TaxRate(TaxRateId id, String stripeTaxRateId, String displayName, String description,
                      BigDecimal percentage, boolean inclusive, String country, String state, String jurisdiction,
                      Map<String, String> metadata, TaxRateStatus status, OffsetDateTime createdAt,
                      OffsetDateTime updatedAt) {

    /** Where it applies, as far as known: {@code DE · BY · Munich}; empty when it says nothing. */
    public String where() {
        return java.util.stream.Stream.of(country, state, jurisdiction).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.joining(" · "));
    }
}
