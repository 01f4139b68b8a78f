package dev.paydeck.sandbox.radar;

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
 * {@code /v1/radar/early_fraud_warnings}: list (by {@code charge}, {@code payment_intent}, {@code created}) and
 * retrieve.
 */
@Component
class EarlyFraudWarningResource implements StripeResource {

    private static final String OBJECT = "radar.early_fraud_warning";
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("charge", "payment_intent"));

    private final ObjectStore store;

    EarlyFraudWarningResource(ObjectStore store) {
        this.store = store;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/radar/early_fraud_warnings", LIST, this::list);
        routes.get("/v1/radar/early_fraud_warnings/{id}", ParamSpec.of(), this::retrieve);
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), OBJECT, ListQuery.from(call)
                .where("charge", call.string("charge"))
                .where("payment_intent", call.string("payment_intent")), "/v1/radar/early_fraud_warnings");
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.require(call.accountId(), call.path("id"), OBJECT, "early_fraud_warning");
    }
}
