package dev.paydeck.customers;

import com.stripe.exception.StripeException;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerPaymentMethodListParams;
import com.stripe.param.CustomerUpdateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.organizations.StripeFailure;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.shared.mirror.StripeIdempotency;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An organization's customers, kept locally and in its Stripe, following the mirror recipe: creation writes the local
 * record first (pending), then creates the Stripe customer with an idempotency key derived from the local id, so a
 * retry can never make two; Stripe's answer and the event saying what happened commit together.
 */
@Service
public class Customers {

    /** The metadata key that links a Stripe customer to Paydeck's record. */
    static final String PAYDECK_ID = "paydeck_customer_id";

    private final CustomerRecords records;
    private final StripeClients stripe;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Customers(CustomerRecords records, StripeClients stripe, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.records = records;
        this.stripe = stripe;
        this.transactions = transactions;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.events = events;
    }

    public Customer create(OrganizationId organization, CustomerDraft draft, String actor) {
        return create(organization, draft, actor, null);
    }

    /**
     * Creates a customer once per {@code idempotencyKey} (null: no key): the key of a page form, so that a form
     * submitted twice creates one customer; the second submission answers the first one's customer.
     */
    public Customer create(OrganizationId organization, CustomerDraft draft, String actor, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Customer> earlier = records.byIdempotencyKey(organization, idempotencyKey);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        CustomerId id = CustomerId.random();
        try {
            records.insertPending(organization, id, draft, idempotencyKey);
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            return records.byIdempotencyKey(organization, idempotencyKey).orElseThrow(() -> sameKeyMeanwhile);
        }
        com.stripe.model.Customer created;
        try {
            created = send(organization, id, draft);
        } catch (StripeException e) {
            StripeFailure failure = StripeFailure.from(e);
            if (!failure.outcomeUnknown()) {
                records.remove(organization, id);
            }
            throw failure;
        }
        com.stripe.model.Customer answer = created;
        return changed(organization, id, () -> records.apply(organization, id, answer),
                new CustomerCreated(organization, id, actor, clock.instant()));
    }

    /**
     * Creates the Stripe customer of a record: the parameters are the draft's and the key is the record's, so sending
     * it again (the janitor, for a create that got no answer) is the same call, which Stripe answers once.
     */
    com.stripe.model.Customer send(OrganizationId organization, CustomerId id, CustomerDraft draft)
            throws StripeException {
        var params = CustomerCreateParams.builder().setEmail(draft.email()).setName(draft.name())
                .setPhone(draft.phone()).setDescription(draft.description())
                .putAllMetadata(withPaydeckId(draft.metadata(), id)).build();
        return StripeCallSubject.about("customer", id, () -> stripe.forOrganization(organization).v1().customers()
                .create(params, StripeIdempotency.options("customer", id.id())));
    }

    /** Records Stripe's answer and publishes what happened, in one transaction; the customer after. */
    private Customer changed(OrganizationId organization, CustomerId id, Runnable record, CustomerEvent happened) {
        return transactions.execute(status -> {
            record.run();
            events.publishEvent(happened);
            return records.find(organization, id).orElseThrow();
        });
    }

    public Optional<Customer> find(OrganizationId organization, CustomerId id) {
        return records.find(organization, id);
    }

    public Optional<Customer> findByStripeId(OrganizationId organization, String stripeCustomerId) {
        return records.findByStripeId(organization, stripeCustomerId);
    }

    public List<Customer> list(OrganizationId organization, String search, int limit, CustomerId startingAfter) {
        return records.list(organization, search, limit, startingAfter);
    }

    /**
     * Every customer the search matches (all of them, not a page), newest first, handed over one at a time as the
     * database streams them, in one read-only transaction: an export of any size in flat memory.
     */
    public void export(OrganizationId organization, String search, Consumer<Customer> each) {
        readOnly.executeWithoutResult(status -> records.forEach(organization, search, each));
    }

    /** Applies the given fields (null = unchanged) in Stripe, then locally. Empty if there is no such customer. */
    public Optional<Customer> update(OrganizationId organization, CustomerId id, CustomerDraft changes, String actor) {
        Optional<Customer> existing = records.find(organization, id).filter(c -> c.status().isActive());
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
        com.stripe.model.Customer updated;
        try {
            updated = StripeCallSubject.about("customer", id, () -> stripe.forOrganization(organization).v1()
                    .customers().update(existing.get().stripeCustomerId(), params.build()));
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
        com.stripe.model.Customer answer = updated;
        return Optional.of(changed(organization, id, () -> records.apply(organization, id, answer),
                new CustomerUpdated(organization, id, actor, clock.instant())));
    }

    /** Deletes the customer in Stripe and marks it deleted here (kept for history). */
    public boolean delete(OrganizationId organization, CustomerId id, String actor) {
        Optional<Customer> existing = records.find(organization, id).filter(c -> c.status() != CustomerStatus.DELETED);
        if (existing.isEmpty()) {
            return false;
        }
        if (existing.get().stripeCustomerId() != null) {
            try {
                StripeCallSubject.about("customer", id, () -> stripe.forOrganization(organization).v1().customers()
                        .delete(existing.get().stripeCustomerId()));
            } catch (com.stripe.exception.InvalidRequestException alreadyGone) {
                // Deleted in Stripe already (e.g. in its dashboard): deleting here too is what the caller wants.
            } catch (StripeException e) {
                throw StripeFailure.from(e);
            }
        }
        changed(organization, id, () -> records.markDeleted(organization, id),
                new CustomerDeleted(organization, id, actor, clock.instant()));
        return true;
    }

    /**
     * The local customer for a Stripe customer, creating the local copy when Stripe has one Paydeck has not seen
     * (e.g. made in the Stripe dashboard).
     */
    public Optional<CustomerId> recordFromStripe(OrganizationId organization, com.stripe.model.Customer customer) {
        return Optional.ofNullable(records.upsertFromStripe(organization, customer));
    }

    /**
     * The cards saved on the customer in Stripe, read from Stripe (Paydeck keeps no copy of them); none for a customer
     * not in Stripe yet. Called outside any transaction. A {@link StripeFailure} when Stripe cannot be read.
     */
    public List<SavedCard> savedCards(OrganizationId organization, CustomerId id) {
        Optional<Customer> customer = records.find(organization, id);
        if (customer.isEmpty() || customer.get().stripeCustomerId() == null) {
            return List.of();
        }
        var params = CustomerPaymentMethodListParams.builder().setType(CustomerPaymentMethodListParams.Type.CARD)
                .setLimit(20L).build();
        try {
            return StripeCallSubject.about("customer", id, () -> stripe.forOrganization(organization).v1()
                            .customers().paymentMethods().list(customer.get().stripeCustomerId(), params))
                    .getData().stream().filter(method -> method.getCard() != null)
                    .map(method -> new SavedCard(method.getId(), method.getCard().getBrand(),
                            method.getCard().getLast4(), method.getCard().getExpMonth(),
                            method.getCard().getExpYear()))
                    .toList();
        } catch (StripeException e) {
            throw StripeFailure.from(e);
        }
    }

    private static Map<String, String> withPaydeckId(Map<String, String> metadata, CustomerId id) {
        Map<String, String> all = new HashMap<>(metadata == null ? Map.of() : metadata);
        all.put(PAYDECK_ID, id.toString());
        return all;
    }
}
