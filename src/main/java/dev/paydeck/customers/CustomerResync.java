package dev.paydeck.customers;

import com.stripe.param.CustomerListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/** Resync of customers: every customer of the organization's Stripe, repairing or recording the local copies. */
@Component
class CustomerResync implements StripeResync {

    private final StripeClients stripe;
    private final CustomerEventHandler customers;
    private final TransactionTemplate transactions;

    CustomerResync(StripeClients stripe, CustomerEventHandler customers, TransactionTemplate transactions) {
        this.stripe = stripe;
        this.customers = customers;
        this.transactions = transactions;
    }

    @Override
    public String objects() {
        return "customers";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        return StripeResync.pageThrough(objects(), stripe.forOrganization(organization).v1().customers()
                        .list(CustomerListParams.builder().setLimit(100L).build()).autoPagingIterable(),
                (com.stripe.model.Customer customer) -> Boolean.TRUE.equals(transactions.execute(status ->
                        customers.record(organization, customer))) ? Optional.of(customer.getId()
                        + ": updated from Stripe") : Optional.empty());
    }
}
