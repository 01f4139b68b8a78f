package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** Something done to the catalog (products, prices) through Paydeck, delivered to other modules after commit. */
public sealed interface CatalogEvent permits ProductCreated, ProductUpdated, ProductArchived, ProductDeleted,
        PriceCreated, PriceUpdated, PriceArchived {

    OrganizationId organization();

    String actor();

    /** When it happened, by the business clock. */
    Instant occurredAt();

    /** {@code product} or {@code price}. */
    String objectType();

    /** Paydeck's id of the product or price. */
    String objectId();
}
