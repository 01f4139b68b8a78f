package dev.paydeck.customers;

import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.webhooks.StripeEventListener;
import dev.paydeck.webhooks.StripeEventReceived;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Customers created, changed or deleted in Stripe (its dashboard, other programs) appear in Paydeck. A customer has
 * no state order to compare, so an update is applied from the customer re-read from Stripe, never from the event's
 * snapshot (which an older, late event could carry); {@code customer.created} only records a customer not yet
 * known, and a deleted customer stays deleted.
 */
@Component
class CustomerEventHandler {

    private final CustomerRecords records;
    private final StripeClients stripe;

    CustomerEventHandler(CustomerRecords records, StripeClients stripe) {
        this.records = records;
        this.stripe = stripe;
    }

    @StripeEventListener({"customer.created", "customer.updated", "customer.deleted"})
    void on(StripeEventReceived event) throws Exception {
        var snapshot = event.dataObject(com.stripe.model.Customer.class);
        OrganizationId organization = event.organization();
        switch (event.type()) {
            case "customer.created" -> {
                if (records.findByStripeId(organization, snapshot.getId()).isEmpty()) {
                    record(organization, snapshot);
                }
            }
            case "customer.updated" -> refresh(organization, snapshot.getId());
            case "customer.deleted" -> records.findByStripeId(organization, snapshot.getId())
                    .ifPresent(found -> records.markDeleted(organization, found.id()));
            default -> {
            }
        }
    }

    /** Re-reads the customer from Stripe and makes the local copy match (deleted when Stripe has deleted it). */
    boolean refresh(OrganizationId organization, String stripeCustomerId) throws StripeException {
        com.stripe.model.Customer current;
        try {
            current = stripe.forOrganization(organization).v1().customers().retrieve(stripeCustomerId);
        } catch (InvalidRequestException gone) {
            current = null;
        }
        if (current == null || Boolean.TRUE.equals(current.getDeleted())) {
            return records.findByStripeId(organization, stripeCustomerId).filter(c -> !"deleted".equals(c.status()))
                    .map(found -> {
                        records.markDeleted(organization, found.id());
                        return true;
                    }).orElse(false);
        }
        return record(organization, current);
    }

    /** Applies a Stripe customer to its local copy (Paydeck's own found by its metadata link); true if changed. */
    boolean record(OrganizationId organization, com.stripe.model.Customer customer) {
        Optional<Customer> before = records.findByStripeId(organization, customer.getId());
        UUID paydeckId = paydeckId(customer);
        Optional<Customer> ours = before.isEmpty() && paydeckId != null ? records.find(organization, paydeckId)
                : Optional.empty();
        if (ours.isPresent()) {
            if (!"deleted".equals(ours.get().status())) {
                records.apply(organization, paydeckId, customer);
            }
        } else {
            records.upsertFromStripe(organization, customer);
        }
        Optional<Customer> after = records.findByStripeId(organization, customer.getId());
        return !same(before.or(() -> ours), after);
    }

    private static boolean same(Optional<Customer> before, Optional<Customer> after) {
        return before.isPresent() && after.isPresent()
                && java.util.Objects.equals(before.get().email(), after.get().email())
                && java.util.Objects.equals(before.get().name(), after.get().name())
                && java.util.Objects.equals(before.get().phone(), after.get().phone())
                && java.util.Objects.equals(before.get().description(), after.get().description())
                && java.util.Objects.equals(before.get().metadata(), after.get().metadata())
                && before.get().status().equals(after.get().status());
    }

    private static UUID paydeckId(com.stripe.model.Customer customer) {
        String text = customer.getMetadata() == null ? null : customer.getMetadata().get(Customers.PAYDECK_ID);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
