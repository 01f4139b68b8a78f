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

/**
 * {@code /v1/charges}: retrieve and list (by customer or payment_intent), and the legacy flow's direct charges:
 * create ({@code source} a token or a customer's card) and capture. Most charges are made by PaymentIntents.
 */
@Component
class ChargeResource implements StripeResource {

    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of()
            .string("customer", "payment_intent", "transfer_group"));

    private static final ParamSpec CREATE = ParamSpec.of()
            .integer("amount")
            .string("currency", "source", "customer", "description", "receipt_email", "statement_descriptor",
                    "statement_descriptor_suffix")
            .bool("capture")
            .metadata()
            .any("shipping")
            .required("amount", "currency");
    private static final ParamSpec CAPTURE = ParamSpec.of().integer("amount");

    private final ObjectStore store;
    private final DirectCharges directCharges;

    ChargeResource(ObjectStore store, DirectCharges directCharges) {
        this.store = store;
        this.directCharges = directCharges;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/charges", LIST, this::list);
        routes.get("/v1/charges/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/charges", CREATE, directCharges::create);
        routes.post("/v1/charges/{id}/capture", CAPTURE, directCharges::capture);
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
