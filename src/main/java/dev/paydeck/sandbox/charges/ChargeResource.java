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
 * {@code /v1/charges}: retrieve, list (by customer or payment_intent) and search. Charges are made by PaymentIntents.
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

    private final ObjectStore store;

    ChargeResource(ObjectStore store) {
        this.store = store;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/charges", LIST, this::list);
        routes.get("/v1/charges/search", SearchRequest.PARAMS, this::search);
        routes.get("/v1/charges/{id}", ParamSpec.of(), this::retrieve);
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
