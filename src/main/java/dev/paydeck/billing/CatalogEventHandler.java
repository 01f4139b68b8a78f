package dev.paydeck.billing;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StaleReadException;
import dev.paydeck.webhooks.StripeEventListener;
import dev.paydeck.webhooks.StripeEventReceived;
import org.springframework.stereotype.Component;

/**
 * Products and prices created, changed, archived or deleted in Stripe appear in Paydeck: creations are recorded when
 * not yet known, updates take Stripe's current object (read before the transaction by {@link CatalogMirror}), a
 * deleted product stays deleted, and a price deleted with its product is archived.
 */
@Component
class CatalogEventHandler {

    private final CatalogMirror mirror;
    private final PriceRecords prices;

    CatalogEventHandler(CatalogMirror mirror, PriceRecords prices) {
        this.mirror = mirror;
        this.prices = prices;
    }

    @StripeEventListener({"product.created", "product.updated", "product.deleted"})
    void product(StripeEventReceived event) {
        var snapshot = event.dataObject(com.stripe.model.Product.class);
        OrganizationId organization = event.organization();
        switch (event.type()) {
            case "product.created" -> mirror.recordIfNew(organization, snapshot);
            case "product.updated" -> {
                if (event.read().get(snapshot.getId(), CatalogMirror.Gone.class).isPresent()) {
                    mirror.markDeleted(organization, snapshot.getId());
                } else {
                    mirror.record(organization, event.read().get(snapshot.getId(), com.stripe.model.Product.class)
                            .orElseThrow(() -> new StaleReadException(snapshot)));
                }
            }
            case "product.deleted" -> mirror.markDeleted(organization, snapshot.getId());
            default -> {
            }
        }
    }

    @StripeEventListener({"price.created", "price.updated", "price.deleted"})
    void price(StripeEventReceived event) {
        var snapshot = event.dataObject(com.stripe.model.Price.class);
        OrganizationId organization = event.organization();
        switch (event.type()) {
            case "price.created" -> {
                boolean known = prices.findByStripeId(organization, snapshot.getId())
                        .filter(p -> !p.status().unresolved()).isPresent();
                if (!known) {
                    mirror.record(organization, event.read().get(snapshot.getId(), com.stripe.model.Price.class)
                            .orElseThrow(() -> new StaleReadException(snapshot)), event.read());
                }
            }
            case "price.updated" -> mirror.record(organization, event.read()
                    .get(snapshot.getId(), com.stripe.model.Price.class)
                    .orElseThrow(() -> new StaleReadException(snapshot)), event.read());
            case "price.deleted" -> {
                snapshot.setActive(false);
                mirror.record(organization, snapshot, event.read());
            }
            default -> {
            }
        }
    }
}
