package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A product without prices was deleted through Paydeck (and in Stripe). */
public record ProductDeleted(OrganizationId organization, ProductId product, String actor, Instant occurredAt)
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
