package dev.paydeck.sandbox.invoices;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/invoice_payments}: the payments of finalized invoices (each naming the PaymentIntent made for the
 * invoice), retrieve and list newest first by {@code invoice} and {@code status}, as the invoice's {@code payments}
 * list shows them.
 */
@Component
class InvoicePaymentResource implements StripeResource {

    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("invoice")
            .oneOf("status", "canceled", "open", "paid"));

    private final ObjectStore store;

    InvoicePaymentResource(ObjectStore store) {
        this.store = store;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/invoice_payments", LIST, this::list);
        routes.get("/v1/invoice_payments/{id}", ParamSpec.of(), this::retrieve);
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.require(call.accountId(), call.path("id"), "invoice_payment", "id");
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "invoice_payment", ListQuery.from(call)
                .where("invoice", call.string("invoice")).where("status", call.string("status")),
                "/v1/invoice_payments");
    }
}
