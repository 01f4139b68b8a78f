package dev.paydeck.billing;

import com.stripe.exception.StripeException;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import dev.paydeck.organizations.StripeClients;
import dev.paydeck.shared.OrganizationId;
import dev.paydeck.shared.mirror.StripeCallSubject;
import dev.paydeck.shared.mirror.StripeIdempotency;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Creates an invoice in Stripe: the draft ({@code paydeck-invoice-<id>}), then each line as an invoice item on it
 * ({@code paydeck-invoice-line-<n>-<id>}), then reads it whole. Every parameter is a function of the record's
 * {@link InvoiceRequest} and id, so a re-send (a retry, the janitor) is the same calls, which Stripe answers once.
 */
@Component
class InvoiceCreation {

    private final StripeClients stripe;
    private final InvoiceMirror mirror;

    InvoiceCreation(StripeClients stripe, InvoiceMirror mirror) {
        this.stripe = stripe;
        this.mirror = mirror;
    }

    com.stripe.model.Invoice send(OrganizationId organization, InvoiceId id, InvoiceRequest request)
            throws StripeException {
        return StripeCallSubject.about("invoice", id, () -> {
            var client = stripe.forOrganization(organization).v1();
            var invoice = client.invoices().create(invoiceParams(request, id),
                    StripeIdempotency.options("invoice", id.id()));
            for (int i = 0; i < request.lines().size(); i++) {
                client.invoiceItems().create(lineParams(request, request.lines().get(i), invoice.getId()),
                        StripeIdempotency.options("invoice-line-" + i, id.id()));
            }
            return mirror.retrieve(organization, invoice.getId(), id);
        });
    }

    static InvoiceCreateParams invoiceParams(InvoiceRequest request, InvoiceId id) {
        Map<String, String> metadata = new HashMap<>(request.metadata() == null ? Map.of() : request.metadata());
        metadata.put(Invoices.PAYDECK_ID, id.toString());
        var params = InvoiceCreateParams.builder().setCustomer(request.customer()).setCurrency(request.currency())
                .setAutoAdvance(false)
                .setPendingInvoiceItemsBehavior(InvoiceCreateParams.PendingInvoiceItemsBehavior.EXCLUDE)
                .setCollectionMethod(InvoiceDraft.SEND_INVOICE.equals(request.collectionMethod())
                        ? InvoiceCreateParams.CollectionMethod.SEND_INVOICE
                        : InvoiceCreateParams.CollectionMethod.CHARGE_AUTOMATICALLY)
                .putAllMetadata(metadata);
        if (InvoiceDraft.SEND_INVOICE.equals(request.collectionMethod())) {
            params.setDaysUntilDue(request.daysUntilDue() == null ? 30L : request.daysUntilDue().longValue());
        }
        if (request.description() != null) {
            params.setDescription(request.description());
        }
        if (request.taxRates() != null && !request.taxRates().isEmpty()) {
            params.addAllDefaultTaxRate(request.taxRates());
        }
        if (request.coupon() != null) {
            params.addDiscount(InvoiceCreateParams.Discount.builder().setCoupon(request.coupon()).build());
        }
        return params.build();
    }

    static InvoiceItemCreateParams lineParams(InvoiceRequest request, InvoiceRequest.Line line, String invoice) {
        var params = InvoiceItemCreateParams.builder().setCustomer(request.customer()).setInvoice(invoice);
        if (line.price() != null) {
            params.setPricing(InvoiceItemCreateParams.Pricing.builder().setPrice(line.price()).build())
                    .setQuantity(line.quantity());
        } else {
            params.setAmount(line.amount()).setCurrency(request.currency());
        }
        if (line.description() != null) {
            params.setDescription(line.description());
        }
        if (line.taxRates() != null && !line.taxRates().isEmpty()) {
            params.addAllTaxRate(line.taxRates());
        }
        return params.build();
    }
}
