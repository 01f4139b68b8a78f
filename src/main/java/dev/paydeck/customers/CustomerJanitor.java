package dev.paydeck.customers;

import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.Unresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Customers left {@code pending} (the create got no answer, or the instance died before it), for the janitor: the
 * create is sent again with the same parameters and idempotency key, so Stripe answers with the customer it made, or
 * makes it once.
 */
@Component
class CustomerJanitor implements Unresolved<CustomerId> {

    private final CustomerRecords records;
    private final Customers customers;
    private final Duration after;

    CustomerJanitor(CustomerRecords records, Customers customers,
            @Value("${paydeck.webhooks.reconcile-after:2m}") Duration after) {
        this.records = records;
        this.customers = customers;
        this.after = after;
    }

    @Override
    public String objects() {
        return "customers";
    }

    @Override
    public List<Claimed<CustomerId>> claim(int limit) {
        return records.claimPending(after.toSeconds(), limit);
    }

    @Override
    public String resolve(OrganizationId organization, CustomerId id) throws Exception {
        Customer pending = records.find(organization, id).filter(c -> c.status() == CustomerStatus.PENDING)
                .orElse(null);
        if (pending == null) {
            return "resolved meanwhile";
        }
        records.apply(organization, id, customers.send(organization, id, records.draftOf(pending)));
        return "created in Stripe";
    }
}
