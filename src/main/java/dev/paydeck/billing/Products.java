package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import com.stripe.param.ProductCreateParams;
import com.stripe.param.ProductUpdateParams;
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
 * An organization's products, kept locally and in its Stripe, following the mirror recipe: creation writes the local
 * record first (pending), then creates the Stripe product with the idempotency key {@code paydeck-product-<id>}, so a
 * retry can never make two; Stripe's answer and the event saying what happened commit together. A product with
 * prices cannot be deleted in Stripe: it is archived instead.
 */
@Service
public class Products {

    /** The metadata key that links a Stripe product to Paydeck's record. */
    static final String PAYDECK_ID = "paydeck_product_id";

    /** What {@link #delete} did. */
    public enum Removal { DELETED, ARCHIVED, NOT_FOUND }

    private final ProductRecords records;
    private final PriceRecords prices;
    private final StripeClients stripe;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Products(ProductRecords records, PriceRecords prices, StripeClients stripe, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.prices = prices;
        this.stripe = stripe;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a product once per {@code idempotencyKey} (null: no key), the key of a page form. A failure to reach
     * Stripe leaves the record {@code unknown} for the janitor and throws, with the product's id.
     */
    public Product create(OrganizationId organization, ProductDraft draft, String actor, String idempotencyKey) {
        ProductId id = ProductId.random();
        Optional<Product> earlier = RecordFirst.insertOnce(idempotencyKey,
                key -> records.byIdempotencyKey(organization, key),
                () -> records.insertPending(organization, id, draft, idempotencyKey));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        com.stripe.model.Product answer = RecordFirst.send(() -> send(organization, id, draft),
                RecordFirst.pending(() -> records.markUnknown(organization, id),
                        () -> records.remove(organization, id)),
                "product_id", id.id());
        return changed(organization, id, () -> records.apply(organization, id, answer),
                new ProductCreated(organization, id, actor, clock.instant()));
    }

    /**
     * Creates the Stripe product of a record: the parameters are the draft's and the key is the record's, so sending
     * it again (the janitor) is the same call, which Stripe answers once.
     */
    com.stripe.model.Product send(OrganizationId organization, ProductId id, ProductDraft draft)
            throws StripeException {
        var params = ProductCreateParams.builder().setName(draft.name()).setDescription(draft.description())
                .putAllMetadata(withPaydeckId(draft.metadata(), id)).build();
        return StripeCallSubject.about("product", id, () -> stripe.forOrganization(organization).v1().products()
                .create(params, StripeIdempotency.options("product", id.id())));
    }

    public Optional<Product> find(OrganizationId organization, ProductId id) {
        return records.find(organization, id);
    }

    public Optional<Product> findByStripeId(OrganizationId organization, String stripeProductId) {
        return records.findByStripeId(organization, stripeProductId);
    }

    /** A page of products, newest first, with one of these statuses (empty: any but deleted). */
    public List<Product> list(OrganizationId organization, java.util.Set<ProductStatus> statuses, int limit,
            ProductId startingAfter) {
        return records.list(organization, statuses, limit, startingAfter);
    }

    /** Applies the given fields (null = unchanged) in Stripe, then locally. Empty if there is no such product. */
    public Optional<Product> update(OrganizationId organization, ProductId id, ProductDraft changes, String actor) {
        Optional<Product> existing = records.find(organization, id).filter(p -> p.status().inStripe());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        var params = ProductUpdateParams.builder();
        if (changes.name() != null) {
            params.setName(changes.name());
        }
        if (changes.description() != null) {
            params.setDescription(changes.description());
        }
        if (changes.metadata() != null) {
            params.putAllMetadata(changes.metadata());
        }
        return Optional.of(updateInStripe(organization, existing.get(), params.build(),
                new ProductUpdated(organization, id, actor, clock.instant())));
    }

    /** Archives the product (Stripe's {@code active=false}): kept, with its prices, but no longer sold. */
    public Optional<Product> archive(OrganizationId organization, ProductId id, String actor) {
        Optional<Product> existing = records.find(organization, id).filter(p -> p.status().inStripe());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        if (existing.get().status() == ProductStatus.ARCHIVED) {
            return existing;
        }
        return Optional.of(updateInStripe(organization, existing.get(),
                ProductUpdateParams.builder().setActive(false).build(),
                new ProductArchived(organization, id, actor, clock.instant())));
    }

    /**
     * Deletes a product that has no prices (in Stripe, then here); one with prices is archived instead, as Stripe
     * refuses to delete it.
     */
    public Removal delete(OrganizationId organization, ProductId id, String actor) {
        Optional<Product> existing = records.find(organization, id).filter(p -> p.status().inStripe());
        if (existing.isEmpty()) {
            return Removal.NOT_FOUND;
        }
        if (!prices.ofProduct(organization, id).isEmpty()) {
            archive(organization, id, actor);
            return Removal.ARCHIVED;
        }
        try {
            StripeCallSubject.about("product", id, () -> stripe.forOrganization(organization).v1().products()
                    .delete(existing.get().stripeProductId()));
        } catch (com.stripe.exception.InvalidRequestException refused) {
            if (refused.getStatusCode() != null && refused.getStatusCode() == 404) {
                // Deleted in Stripe already: deleting here too is what the caller wants.
            } else {
                // Prices made in Stripe that Paydeck has not seen yet: Stripe refuses, so archive as for any.
                archive(organization, id, actor);
                return Removal.ARCHIVED;
            }
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
        changed(organization, id, () -> records.markDeleted(organization, id),
                new ProductDeleted(organization, id, actor, clock.instant()));
        return Removal.DELETED;
    }

    private Product updateInStripe(OrganizationId organization, Product product, ProductUpdateParams params,
            CatalogEvent happened) {
        com.stripe.model.Product updated;
        try {
            updated = StripeCallSubject.about("product", product.id(), () -> stripe.forOrganization(organization)
                    .v1().products().update(product.stripeProductId(), params));
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
        com.stripe.model.Product answer = updated;
        return changed(organization, product.id(), () -> records.apply(organization, product.id(), answer),
                happened);
    }

    /** Records Stripe's answer and publishes what happened, in one transaction; the product after. */
    private Product changed(OrganizationId organization, ProductId id, Runnable record, CatalogEvent happened) {
        return transactions.execute(status -> {
            record.run();
            events.publishEvent(happened);
            return records.find(organization, id).orElseThrow();
        });
    }

    private static Map<String, String> withPaydeckId(Map<String, String> metadata, ProductId id) {
        Map<String, String> all = new HashMap<>(metadata == null ? Map.of() : metadata);
        all.put(PAYDECK_ID, id.toString());
        return all;
    }
}
