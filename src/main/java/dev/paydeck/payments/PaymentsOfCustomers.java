package dev.paydeck.payments;

import dev.paydeck.customers.CustomerId;
import dev.paydeck.customers.CustomerPayments;
import dev.paydeck.shared.OrganizationId;
import org.springframework.stereotype.Component;

import java.util.List;

/** The payments of a customer, as the customers module's pages ask for them. */
@Component
class PaymentsOfCustomers implements CustomerPayments {

    private final PaymentRecords records;

    PaymentsOfCustomers(PaymentRecords records) {
        this.records = records;
    }

    @Override
    public List<CustomerPayments.Payment> newest(OrganizationId organization, CustomerId customer, int limit) {
        return records.list(organization, new PaymentQuery(null, customer, null, null, limit, null)).stream()
                .map(payment -> new CustomerPayments.Payment(payment.id().id(), payment.amount(),
                        payment.status().code(), payment.description(), payment.createdAt(),
                        payment.lastError() != null && payment.status() != PaymentStatus.SUCCEEDED))
                .toList();
    }
}
