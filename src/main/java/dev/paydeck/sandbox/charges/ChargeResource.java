package dev.paydeck.sandbox.charges;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/** {@code /v1/charges}: retrieve and list (by customer or payment_intent). Charges are made by PaymentIntents. */
@Component
class ChargeResource implements StripeResource {

    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of()
            .string("customer", "payment_intent", "transfer_group"));

    private final ObjectStore store;

    ChargeResource(ObjectStore store) {
        this.store = store;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/charges", LIST, this::list);
        routes.get("/v1/charges/{id}", ParamSpec.of(), this::retrieve);
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.require(call.accountId(), call.path("id"), "charge", "id");
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "charge", ListQuery.from(call)
                .where("customer", call.string("customer"))
                .where("payment_intent", call.string("payment_intent"))
                .where("transfer_group", call.string("transfer_group")), "/v1/charges");
    }
}
