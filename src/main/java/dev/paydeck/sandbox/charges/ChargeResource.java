package dev.paydeck.sandbox.charges;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SearchFields;
import dev.paydeck.sandbox.api.SearchRequest;
import dev.paydeck.sandbox.api.SearchResult;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/charges}: retrieve, list (by customer or payment_intent), search, and the legacy flow's direct charges:
 * create ({@code source} a token or a customer's card) and capture. Most charges are made by PaymentIntents.
 */
@Component
class ChargeResource implements StripeResource {

    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of()
            .string("customer", "payment_intent", "transfer_group"));
    /** Stripe's query fields for charges. */
    private static final SearchFields SEARCH = SearchFields.of("charges")
            .numeric("amount", "created")
            .token("currency", "status", "disputed", "refunded", "payment_method_details.card.last4",
                    "payment_method_details.card.brand", "payment_method_details.card.fingerprint")
            .string("billing_details.address.postal_code")
            .id("customer", "payment_intent")
            .metadata();

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
        routes.get("/v1/charges/search", SearchRequest.PARAMS, this::search);
        routes.get("/v1/charges/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/charges", CREATE, directCharges::create);
        routes.post("/v1/charges/{id}/capture", CAPTURE, directCharges::capture);
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.require(call.accountId(), call.path("id"), "charge", "id");
    }

    private SearchResult search(StripeCall call) {
        return store.search(call.accountId(), "charge", SearchRequest.from(call), SEARCH, "/v1/charges/search");
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "charge", ListQuery.from(call)
                .where("customer", call.string("customer"))
                .where("payment_intent", call.string("payment_intent"))
                .where("transfer_group", call.string("transfer_group")), "/v1/charges");
    }
}
