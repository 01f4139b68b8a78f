package dev.paydeck.sandbox.balance;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/balance}: the account's balance. The sandbox keeps no balance transactions, so funds are always
 * zero; what matters to callers is that a valid secret key can read it (Paydeck's credential check does).
 */
@Component
class BalanceResource implements StripeResource {

    private final ObjectStore store;

    BalanceResource(ObjectStore store) {
        this.store = store;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/balance", ParamSpec.of(), this::retrieve);
    }

    private ObjectNode retrieve(StripeCall call) {
        ObjectNode balance = store.json().createObjectNode();
        balance.put("object", "balance");
        funds(balance.putArray("available"));
        funds(balance.putArray("pending"));
        balance.put("livemode", false);
        return balance;
    }

    private static void funds(ArrayNode list) {
        ObjectNode usd = list.addObject();
        usd.put("amount", 0);
        usd.put("currency", "usd");
        usd.putObject("source_types").put("card", 0);
    }
}
