package dev.paydeck.billing;

import dev.paydeck.shared.Money;
import dev.paydeck.shared.OrganizationId;

import java.time.Instant;

/** A price's nickname, lookup key or metadata changed through Paydeck. */
public record PriceUpdated(OrganizationId organization, PriceId price, ProductId product, Money unitAmount, String actor,
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
