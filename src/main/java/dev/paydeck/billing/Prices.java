package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import com.stripe.param.PriceCreateParams;
import com.stripe.param.PriceUpdateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.RecordFirst;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.shared.mirror.StripeIdempotency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The prices of an organization's products, kept locally and in its Stripe with the mirror recipe (record first, then
 * Stripe with the key {@code paydeck-price-<id>}). As in Stripe, a price's amount and terms never change: another
 * price replaces it (with {@code transfer_lookup_key} to move its lookup key), and the old one is archived.
 */
@Service("billingPrices")
public class Prices {

    /** The metadata key that links a Stripe price to Paydeck's record. */
    static final String PAYDECK_ID = "paydeck_price_id";

    /** Why a price cannot be created. */
    public static final class ProductNotSellable extends RuntimeException {
        ProductNotSellable(String message) {
            super(message);
        }
    }

    private final PriceRecords records;
    private final ProductRecords products;
    private final StripeClients stripe;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Prices(PriceRecords records, ProductRecords products, StripeClients stripe, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.products = products;
        this.stripe = stripe;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a price of an active product once per {@code idempotencyKey} (null: no key). Empty when there is no
     * such product; {@link ProductNotSellable} when it is archived or not yet in Stripe.
     */
    public Optional<Price> create(OrganizationId organization, ProductId productId, PriceDraft draft, String actor,
            String idempotencyKey) {
        Optional<Product> product = products.find(organization, productId)
                .filter(p -> p.status() != ProductStatus.DELETED);
        if (product.isEmpty()) {
            return Optional.empty();
        }
        if (idempotencyKey != null) {
            Optional<Price> earlier = records.byIdempotencyKey(organization, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier;
            }
        }
        if (product.get().status() != ProductStatus.ACTIVE) {
            throw new ProductNotSellable(product.get().status() == ProductStatus.ARCHIVED
                    ? "The product is archived: it takes no new prices."
                    : "The product is not in Stripe yet: try again once it is active.");
        }
        PriceId id = PriceId.random();
        Optional<Price> meanwhile = RecordFirst.insertUnlessTaken(idempotencyKey,
                key -> records.byIdempotencyKey(organization, key),
                () -> records.insertPending(organization, id, productId, draft, idempotencyKey));
        if (meanwhile.isPresent()) {
            return meanwhile;
        }
        com.stripe.model.Price answer = RecordFirst.send(
                () -> send(organization, id, product.get().stripeProductId(), draft),
                RecordFirst.pending(() -> records.markUnknown(organization, id),
                        () -> records.remove(organization, id)),
                "price_id", id.id());
        return Optional.of(changed(organization, id, () -> records.apply(organization, id, answer),
                new PriceCreated(organization, id, productId, draft.unitAmount(), actor, clock.instant())));
    }

    /** Creates the Stripe price of a record; the same call each time for the same record and draft. */
    com.stripe.model.Price send(OrganizationId organization, PriceId id, String stripeProductId, PriceDraft draft)
            throws StripeException {
        var params = PriceCreateParams.builder().setProduct(stripeProductId).setCurrency(draft.currency())
                .setLookupKey(draft.lookupKey()).setNickname(draft.nickname())
                .putAllMetadata(withPaydeckId(draft.metadata(), id));
        if (draft.tiers() == null) {
            params.setUnitAmount(draft.unitAmount().minor());
        } else {
            params.setBillingScheme(PriceCreateParams.BillingScheme.TIERED)
                    .setTiersMode(PriceCreateParams.TiersMode.valueOf(draft.tiers().mode().toUpperCase()))
                    .addExpand("tiers");
            for (Price.Tier tier : draft.tiers().tiers()) {
                var each = PriceCreateParams.Tier.builder();
                if (tier.upTo() == null) {
                    each.setUpTo(PriceCreateParams.Tier.UpTo.INF);
                } else {
                    each.setUpTo(tier.upTo());
                }
                if (tier.unitAmount() != null) {
                    each.setUnitAmount(tier.unitAmount().minor());
                }
                if (tier.flatAmount() != null) {
                    each.setFlatAmount(tier.flatAmount().minor());
                }
                params.addTier(each.build());
            }
        }
        if (draft.transferLookupKey() && draft.lookupKey() != null) {
            params.setTransferLookupKey(true);
        }
        if (draft.recurring() != null) {
            params.setRecurring(PriceCreateParams.Recurring.builder()
                    .setInterval(PriceCreateParams.Recurring.Interval.valueOf(draft.recurring().interval().name()))
                    .setIntervalCount((long) draft.recurring().intervalCount()).build());
        }
        return StripeCallSubject.about("price", id, () -> stripe.forOrganization(organization).v1().prices()
                .create(params.build(), StripeIdempotency.options("price", id.id())));
    }

    /** The stripe product id of a price's product, for re-sending its create. */
    Optional<String> stripeProductOf(OrganizationId organization, Price price) {
        return products.find(organization, price.product()).map(Product::stripeProductId);
    }

    public Optional<Price> find(OrganizationId organization, PriceId id) {
        return records.find(organization, id);
    }

    /** The product's prices, oldest first. */
    public List<Price> ofProduct(OrganizationId organization, ProductId product) {
        return records.ofProduct(organization, product);
    }

    /** The prices of these products, each product's oldest first. */
    public Map<ProductId, List<Price>> ofProducts(OrganizationId organization, List<ProductId> products) {
        Map<ProductId, List<Price>> byProduct = new java.util.LinkedHashMap<>();
        products.forEach(product -> byProduct.put(product, new java.util.ArrayList<>()));
        records.ofProducts(organization, products).forEach(price -> byProduct.get(price.product()).add(price));
        return byProduct;
    }

    /** A page of prices, newest first; each filter null means any. */
    public List<Price> list(OrganizationId organization, PriceStatus status, String type, ProductId product,
            int limit, PriceId startingAfter) {
        return records.list(organization, status, type, product, limit, startingAfter);
    }

    /**
     * Changes what Stripe lets change on a price (null = unchanged): nickname, lookup key, metadata, and
     * {@code active} (false archives it, true brings it back).
     */
    public Optional<Price> update(OrganizationId organization, PriceId id, String nickname, String lookupKey,
            Map<String, String> metadata, Boolean active, String actor) {
        Optional<Price> existing = records.find(organization, id).filter(p -> !p.status().unresolved());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        var params = PriceUpdateParams.builder();
        if (nickname != null) {
            params.setNickname(nickname);
        }
        if (lookupKey != null) {
            params.setLookupKey(lookupKey);
        }
        if (metadata != null) {
            params.putAllMetadata(metadata);
        }
        if (active != null) {
            params.setActive(active);
        }
        CatalogEvent happened = Boolean.FALSE.equals(active) && existing.get().status() == PriceStatus.ACTIVE
                ? new PriceArchived(organization, id, existing.get().product(), existing.get().unitAmount(), actor,
                clock.instant())
                : new PriceUpdated(organization, id, existing.get().product(), existing.get().unitAmount(), actor,
                clock.instant());
        com.stripe.model.Price updated;
        try {
            updated = StripeCallSubject.about("price", id, () -> stripe.forOrganization(organization).v1().prices()
                    .update(existing.get().stripePriceId(), params.build()));
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
        com.stripe.model.Price answer = updated;
        return Optional.of(changed(organization, id, () -> records.apply(organization, id, answer), happened));
    }

    /** Archives the price: kept, but no new purchase or subscription may use it. */
    public Optional<Price> archive(OrganizationId organization, PriceId id, String actor) {
        return update(organization, id, null, null, null, false, actor);
    }

    private Price changed(OrganizationId organization, PriceId id, Runnable record, CatalogEvent happened) {
        return transactions.execute(status -> {
            record.run();
            events.publishEvent(happened);
            return records.find(organization, id).orElseThrow();
        });
    }

    private static Map<String, String> withPaydeckId(Map<String, String> metadata, PriceId id) {
        Map<String, String> all = new HashMap<>(metadata == null ? Map.of() : metadata);
        all.put(PAYDECK_ID, id.toString());
        return all;
    }
}
