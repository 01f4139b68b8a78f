package dev.paydeck.customers;

import com.stripe.param.CustomerListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.webhooks.StripeResync;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Resync of customers: reads every customer of the organization's Stripe (100 a page; stripe-java retries 429s)
 * and repairs or records the local copies.
 */
@Component
class CustomerResync implements StripeResync {

    private final StripeClients stripe;
    private final CustomerEventHandler customers;

    CustomerResync(StripeClients stripe, CustomerEventHandler customers) {
        this.stripe = stripe;
        this.customers = customers;
    }

    @Override
    public String objects() {
        return "customers";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        List<String> changes = new ArrayList<>();
        int checked = 0;
        for (com.stripe.model.Customer customer : stripe.forOrganization(organization).v1().customers()
                .list(CustomerListParams.builder().setLimit(100L).build()).autoPagingIterable()) {
            checked++;
            if (customers.record(organization, customer)) {
                changes.add(customer.getId() + ": updated from Stripe");
            }
        }
        return new Report(objects(), checked, changes);
    }
}
