package dev.paydeck.customers;

import com.stripe.exception.InvalidRequestException;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StaleReadException;
import dev.paydeck.webhooks.StripeEventListener;
import dev.paydeck.webhooks.StripeEventReads;
import dev.paydeck.webhooks.StripeEventReceived;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.Optional;

/**
 * Customers created, changed or deleted in Stripe (its dashboard, other programs) appear in Paydeck. A customer has
 * no state order to compare, so an update is applied from the customer re-read from Stripe (before the event's
 * transaction, in {@link #read}), never from the event's snapshot, which an older, late event could carry;
 * {@code customer.created} only records a customer not yet known, and a deleted customer stays deleted.
 */
@Component
class CustomerEventHandler implements StripeEventReads {

    /** What {@link #read} leaves for a customer Stripe no longer has. */
    private record Gone() {
    }

    private final CustomerRecords records;
    private final StripeClients stripe;

    CustomerEventHandler(CustomerRecords records, StripeClients stripe) {
        this.records = records;
        this.stripe = stripe;
    }

    /** A {@code customer.updated} always takes Stripe's current customer (the event may be older than it). */
    @Override
    public boolean readsFirst(StripeEventReceived event) {
        return event.type().equals("customer.updated");
    }

    @Override
    public void read(StripeEventReceived event) throws Exception {
        if (event.type().equals("customer.updated")) {
            String id = event.dataObject(com.stripe.model.Customer.class).getId();
            com.stripe.model.Customer current;
            try {
                current = stripe.forOrganization(event.organization()).v1().customers().retrieve(id);
            } catch (InvalidRequestException gone) {
                current = null;
            }
            event.read().put(id, current == null || Boolean.TRUE.equals(current.getDeleted()) ? new Gone() : current);
        }
    }

    @StripeEventListener({"customer.created", "customer.updated", "customer.deleted"})
    void on(StripeEventReceived event) {
        var snapshot = event.dataObject(com.stripe.model.Customer.class);
        OrganizationId organization = event.organization();
        switch (event.type()) {
            case "customer.created" -> {
                if (records.findByStripeId(organization, snapshot.getId()).isEmpty()) {
                    record(organization, snapshot);
                }
            }
            case "customer.updated" -> {
                if (event.read().get(snapshot.getId(), Gone.class).isPresent()) {
                    markDeleted(organization, snapshot.getId());
                } else {
                    record(organization, event.read().get(snapshot.getId(), com.stripe.model.Customer.class)
                            .orElseThrow(() -> new StaleReadException(snapshot)));
                }
            }
            case "customer.deleted" -> markDeleted(organization, snapshot.getId());
            default -> {
            }
        }
    }

    private boolean markDeleted(OrganizationId organization, String stripeCustomerId) {
        return records.findByStripeId(organization, stripeCustomerId)
                .filter(c -> c.status() != CustomerStatus.DELETED)
                .map(found -> {
                    records.markDeleted(organization, found.id());
                    return true;
                }).orElse(false);
    }

    /** Applies a Stripe customer to its local copy (Paydeck's own found by its metadata link); true if changed. */
    boolean record(OrganizationId organization, com.stripe.model.Customer customer) {
        if (Boolean.TRUE.equals(customer.getDeleted())) {
            return markDeleted(organization, customer.getId());
        }
        Optional<Customer> before = records.findByStripeId(organization, customer.getId());
        Optional<CustomerId> paydeckId = paydeckId(customer);
        Optional<Customer> ours = before.isEmpty() ? paydeckId.flatMap(id -> records.find(organization, id))
                : Optional.empty();
        if (ours.isPresent()) {
            records.apply(organization, ours.get().id(), customer);
        } else {
            records.upsertFromStripe(organization, customer);
        }
        Optional<Customer> after = records.findByStripeId(organization, customer.getId());
        return !same(before.or(() -> ours), after);
    }

    private static boolean same(Optional<Customer> before, Optional<Customer> after) {
        return before.isPresent() && after.isPresent()
                && Objects.equals(before.get().email(), after.get().email())
                && Objects.equals(before.get().name(), after.get().name())
                && Objects.equals(before.get().phone(), after.get().phone())
                && Objects.equals(before.get().description(), after.get().description())
                && Objects.equals(before.get().metadata(), after.get().metadata())
                && before.get().status() == after.get().status();
    }

    private static Optional<CustomerId> paydeckId(com.stripe.model.Customer customer) {
        String text = customer.getMetadata() == null ? null : customer.getMetadata().get(Customers.PAYDECK_ID);
        try {
            return text == null ? Optional.empty() : Optional.of(new CustomerId(java.util.UUID.fromString(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
