package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A product was archived through Paydeck: it can no longer be bought, its prices stay. */
public record ProductArchived(OrganizationId organization, ProductId product, String actor, Instant occurredAt)
        implements CatalogEvent {

    @Override
    public String objectType() {
        return "product";
    }

    @Override
    public String objectId() {
        return product.toString();
    }
}
