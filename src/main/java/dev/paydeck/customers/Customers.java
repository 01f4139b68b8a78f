package dev.paydeck.customers;

import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerUpdateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An organization's customers, kept locally and in its Stripe. Creation writes the local record first (pending),
 * then creates the Stripe customer with an idempotency key derived from the local id, so a retry can never make two.
 */
@Service
public class Customers {

    /** The metadata key that links a Stripe customer to Paydeck's record. */
    static final String PAYDECK_ID = "paydeck_customer_id";

    private final CustomerRecords records;
    private final StripeClients stripe;
    private final ApplicationEventPublisher events;

    Customers(CustomerRecords records, StripeClients stripe, ApplicationEventPublisher events) {
        this.records = records;
        this.stripe = stripe;
        this.events = events;
    }

    public Customer create(OrganizationId organization, CustomerDraft draft, String actor) {
        UUID id = UUID.randomUUID();
        records.insertPending(organization, id, draft);
        try {
            var params = CustomerCreateParams.builder().setEmail(draft.email()).setName(draft.name())
                    .setPhone(draft.phone()).setDescription(draft.description())
                    .putAllMetadata(withPaydeckId(draft.metadata(), id)).build();
            var created = stripe.forOrganization(organization).v1().customers().create(params,
                    RequestOptions.builder().setIdempotencyKey("paydeck-customer-" + id).build());
            records.apply(organization, id, created);
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.from(e);
            if (!failure.outcomeUnknown()) {
                records.remove(organization, id);
            }
            throw failure;
        }
        events.publishEvent(new CustomerChanged(organization, id, "customer.created", actor));
        return records.find(organization, id).orElseThrow();
    }

    public Optional<Customer> find(OrganizationId organization, UUID id) {
        return records.find(organization, id);
    }

    public Optional<Customer> findByStripeId(OrganizationId organization, String stripeCustomerId) {
        return records.findByStripeId(organization, stripeCustomerId);
    }

    public List<Customer> list(OrganizationId organization, String search, int limit, UUID startingAfter) {
        return records.list(organization, search, limit, startingAfter);
    }

    /** Applies the given fields (null = unchanged) in Stripe, then locally. Empty if there is no such customer. */
    public Optional<Customer> update(OrganizationId organization, UUID id, CustomerDraft changes, String actor) {
        Optional<Customer> existing = records.find(organization, id).filter(c -> "active".equals(c.status()));
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        var params = CustomerUpdateParams.builder();
        if (changes.email() != null) {
            params.setEmail(changes.email());
        }
        if (changes.name() != null) {
            params.setName(changes.name());
        }
        if (changes.phone() != null) {
            params.setPhone(changes.phone());
        }
        if (changes.description() != null) {
            params.setDescription(changes.description());
        }
        if (changes.metadata() != null) {
            params.putAllMetadata(changes.metadata());
        }
        try {
            var updated = stripe.forOrganization(organization).v1().customers()
                    .update(existing.get().stripeCustomerId(), params.build());
            records.apply(organization, id, updated);
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
        events.publishEvent(new CustomerChanged(organization, id, "customer.updated", actor));
        return records.find(organization, id);
    }

    /** Deletes the customer in Stripe and marks it deleted here (kept for history). */
    public boolean delete(OrganizationId organization, UUID id, String actor) {
        Optional<Customer> existing = records.find(organization, id).filter(c -> !"deleted".equals(c.status()));
        if (existing.isEmpty()) {
            return false;
        }
        if (existing.get().stripeCustomerId() != null) {
            try {
                stripe.forOrganization(organization).v1().customers().delete(existing.get().stripeCustomerId());
            } catch (com.stripe.exception.InvalidRequestException alreadyGone) {
                // Deleted in Stripe already (e.g. in its dashboard): deleting here too is what the caller wants.
            } catch (StripeException e) {
                throw StripeFailure.from(e);
            }
        }
        records.markDeleted(organization, id);
        events.publishEvent(new CustomerChanged(organization, id, "customer.deleted", actor));
        return true;
    }

    /**
     * The local customer for a Stripe customer, creating the local copy when Stripe has one Paydeck has not seen
     * (e.g. made in the Stripe dashboard).
     */
    public Optional<UUID> recordFromStripe(OrganizationId organization, com.stripe.model.Customer customer) {
        return Optional.ofNullable(records.upsertFromStripe(organization, customer));
    }

    private static Map<String, String> withPaydeckId(Map<String, String> metadata, UUID id) {
        Map<String, String> all = new HashMap<>(metadata == null ? Map.of() : metadata);
        all.put(PAYDECK_ID, id.toString());
        return all;
    }
}
