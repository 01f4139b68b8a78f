package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** Something done to a tax rate through Paydeck, delivered to other modules after commit. */
public sealed interface TaxRateEvent permits TaxRateCreated, TaxRateArchived, TaxRateUnarchived {

    OrganizationId organization();

    TaxRateId taxRate();

    String actor();

    /** When it happened, by the business clock. */
    Instant occurredAt();

    /** Its name and percentage: {@code VAT 19%}. */
    String label();
}
