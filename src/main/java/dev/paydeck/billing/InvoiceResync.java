package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import com.stripe.param.InvoiceListParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeResync;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * Resync of invoices: every invoice of the organization's Stripe (with all its lines, read outside any transaction),
 * applied as the current truth each in its own transaction, recording those Paydeck has not seen. A final local
 * status never changes.
 */
@Component
@Order(3)
class InvoiceResync implements StripeResync {

    private final StripeClients stripe;
    private final InvoiceMirror mirror;
    private final TransactionTemplate transactions;

    InvoiceResync(StripeClients stripe, InvoiceMirror mirror, TransactionTemplate transactions) {
        this.stripe = stripe;
        this.mirror = mirror;
        this.transactions = transactions;
    }

    @Override
    public String objects() {
        return "invoices";
    }

    @Override
    public Report resync(OrganizationId organization) throws Exception {
        return StripeResync.pageThrough(objects(), stripe.forOrganization(organization).v1().invoices()
                .list(InvoiceListParams.builder().setLimit(100L).build()).autoPagingIterable(), invoice -> {
            com.stripe.model.Invoice whole;
            try {
                whole = mirror.withAllLines(organization, invoice);
            } catch (StripeException e) {
                return Optional.of(invoice.getId() + ": its lines could not be read (" + e.getClass().getSimpleName()
                        + ")");
            }
            InvoiceMirror.Change change = transactions.execute(status -> mirror.applyCurrent(organization, whole,
                    "stripe"));
            return !change.changed() ? Optional.empty() : Optional.of(invoice.getId() + ": "
                    + (change.recorded() ? "recorded (" + change.after().code() + ")"
                    : change.before().code() + " → " + change.after().code()));
        });
    }
}
