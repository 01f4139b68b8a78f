package dev.paydeck.billing;

import com.stripe.exception.InvalidRequestException;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StaleReadException;
import dev.paydeck.webhooks.StripeEventReads;
import dev.paydeck.webhooks.StripeEventReceived;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe's products and prices applied to their local copies. Neither has a state order Stripe's events could be
 * compared by ({@code active} flips both ways), so an update is applied from the object re-read from Stripe (before
 * the event's transaction, in {@link #read}), never from the event's snapshot, which an older, late event could
 * carry; a {@code *.created} only records an object not yet known. A price whose product Paydeck has not seen brings
 * its product along (read from Stripe too). Objects made in Stripe (its dashboard, other programs) are recorded;
 * Paydeck's own are found by the id it put in their metadata.
 */
@Component
class CatalogMirror implements StripeEventReads {

    /** What {@link #read} leaves for a product Stripe no longer has. */
    record Gone() {
    }

    private final ProductRecords products;
    private final PriceRecords prices;
    private final StripeClients stripe;

    CatalogMirror(ProductRecords products, PriceRecords prices, StripeClients stripe) {
        this.products = products;
        this.prices = prices;
        this.stripe = stripe;
    }

    @Override
    public boolean readsFirst(StripeEventReceived event) {
        return event.type().equals("product.updated") || event.type().equals("price.updated");
    }

    @Override
    public void read(StripeEventReceived event) throws Exception {
        OrganizationId organization = event.organization();
        switch (event.type()) {
            case "product.updated" -> {
                String id = event.dataObject(com.stripe.model.Product.class).getId();
                com.stripe.model.Product current;
                try {
                    current = stripe.forOrganization(organization).v1().products().retrieve(id);
                } catch (InvalidRequestException gone) {
                    current = null;
                }
                event.read().put(id, current == null || Boolean.TRUE.equals(current.getDeleted()) ? new Gone()
                        : current);
            }
            case "price.created", "price.updated", "price.deleted" -> {
                var snapshot = event.dataObject(com.stripe.model.Price.class);
                if (!event.type().equals("price.deleted")) {
                    event.read().put(snapshot.getId(), current(organization, snapshot));
                }
                readProductIfUnknown(organization, snapshot.getProduct(), event);
            }
            default -> {
            }
        }
    }

    /** Stripe's current price, with its tiers when it has some (Stripe shows them only when asked). */
    com.stripe.model.Price current(OrganizationId organization, com.stripe.model.Price price)
            throws com.stripe.exception.StripeException {
        var params = com.stripe.param.PriceRetrieveParams.builder();
        if ("tiered".equals(price.getBillingScheme())) {
            params.addExpand("tiers");
        }
        return stripe.forOrganization(organization).v1().prices().retrieve(price.getId(), params.build());
    }

    private void readProductIfUnknown(OrganizationId organization, String stripeProductId, StripeEventReceived event)
            throws Exception {
        if (stripeProductId != null && products.findByStripeId(organization, stripeProductId).isEmpty()) {
            event.read().put(stripeProductId, stripe.forOrganization(organization).v1().products()
                    .retrieve(stripeProductId));
        }
    }

    /** Applies a Stripe product to its local copy; true if that changed something. */
    boolean record(OrganizationId organization, com.stripe.model.Product product) {
        Optional<Product> before = products.findByStripeId(organization, product.getId());
        if (Boolean.TRUE.equals(product.getDeleted())) {
            return markDeleted(organization, product.getId());
        }
        Optional<Product> ours = before.isEmpty()
                ? paydeckId(product.getMetadata(), Products.PAYDECK_ID).map(ProductId::new)
                .flatMap(id -> products.find(organization, id))
                : Optional.empty();
        if (ours.isPresent()) {
            products.apply(organization, ours.get().id(), product);
        } else {
            products.upsertFromStripe(organization, product);
        }
        Optional<Product> after = products.findByStripeId(organization, product.getId());
        Optional<Product> was = before.or(() -> ours);
        return was.isEmpty() || after.isEmpty() || !Objects.equals(was.get().name(), after.get().name())
                || !Objects.equals(was.get().description(), after.get().description())
                || !Objects.equals(was.get().metadata(), after.get().metadata())
                || was.get().status() != after.get().status();
    }

    /** Records a product only when Paydeck does not know it yet ({@code product.created}). */
    void recordIfNew(OrganizationId organization, com.stripe.model.Product product) {
        Optional<Product> known = products.findByStripeId(organization, product.getId())
                .or(() -> paydeckId(product.getMetadata(), Products.PAYDECK_ID).map(ProductId::new)
                        .flatMap(id -> products.find(organization, id)).filter(p -> !p.status().unresolved()));
        if (known.isEmpty()) {
            record(organization, product);
        }
    }

    boolean markDeleted(OrganizationId organization, String stripeProductId) {
        return products.findByStripeId(organization, stripeProductId)
                .filter(p -> p.status() != ProductStatus.DELETED)
                .map(found -> {
                    products.markDeleted(organization, found.id());
                    return true;
                }).orElse(false);
    }

    /**
     * Applies a Stripe price to its local copy, recording its product first when Paydeck does not know it (from
     * {@code event}'s reads; a {@link StaleReadException} when it was not read). True if that changed something.
     */
    boolean record(OrganizationId organization, com.stripe.model.Price price, StripeEventReceived.ReadFromStripe read) {
        ProductId product = products.findByStripeId(organization, price.getProduct()).map(Product::id)
                .orElseGet(() -> {
                    var fromStripe = read == null ? Optional.<com.stripe.model.Product>empty()
                            : read.get(price.getProduct(), com.stripe.model.Product.class);
                    record(organization, fromStripe.orElseThrow(() -> new StaleReadException(price)));
                    return products.findByStripeId(organization, price.getProduct()).orElseThrow().id();
                });
        Optional<Price> before = prices.findByStripeId(organization, price.getId());
        Optional<Price> ours = before.isEmpty()
                ? paydeckId(price.getMetadata(), Prices.PAYDECK_ID).map(PriceId::new)
                .flatMap(id -> prices.find(organization, id))
                : Optional.empty();
        if (ours.isPresent()) {
            prices.apply(organization, ours.get().id(), price);
        } else {
            prices.upsertFromStripe(organization, product, price);
        }
        Optional<Price> after = prices.findByStripeId(organization, price.getId());
        Optional<Price> was = before.or(() -> ours);
        return was.isEmpty() || after.isEmpty() || was.get().status() != after.get().status()
                || !Objects.equals(was.get().lookupKey(), after.get().lookupKey())
                || !Objects.equals(was.get().nickname(), after.get().nickname())
                || !Objects.equals(was.get().metadata(), after.get().metadata());
    }

    private static Optional<UUID> paydeckId(java.util.Map<String, String> metadata, String key) {
        String text = metadata == null ? null : metadata.get(key);
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
