package dev.paydeck.billing;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A price was archived through Paydeck: no new purchase or subscription may use it. */
public record PriceArchived(OrganizationId organization, PriceId price, ProductId product, Money unitAmount, String actor,
        Instant occurredAt) implements CatalogEvent {

    @Override
    public String objectType() {
        return "price";
    }

    @Override
    public String objectId() {
        return price.toString();
    }
}
