package dev.paydeck.sandbox.balance;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code GET /v1/balance}: the account's balance, the sum of its balance transactions' nets per currency:
 * {@code pending} until their {@code available_on}, {@code available} after (all of it from cards). An account
 * with no transactions has zero in its default currency. Reading it marks available the transactions whose funds
 * have become available (as reading them does); until one of them is read, an expanded
 * {@code balance_transaction} may still say {@code pending} after its {@code available_on}.
 */
@Component
class BalanceResource implements StripeResource {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final BalanceTransactionRecords records;

    BalanceResource(ObjectStore store, SandboxClock clock, BalanceTransactionRecords records) {
        this.store = store;
        this.clock = clock;
        this.records = records;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/balance", ParamSpec.of(), this::retrieve);
    }

    private ObjectNode retrieve(StripeCall call) {
        store.flush();
        long now = clock.now();
        records.settle(call.accountId(), now);
        List<BalanceTransactionRecords.Totals> totals = records.totals(call.accountId(), now);
        if (totals.isEmpty()) {
            totals = List.of(new BalanceTransactionRecords.Totals(call.account().defaultCurrency(), 0, 0));
        }
        ObjectNode balance = store.json().createObjectNode();
        balance.put("object", "balance");
        ArrayNode available = balance.putArray("available");
        totals.forEach(total -> funds(available, total.currency(), total.available()));
        balance.put("livemode", false);
        ArrayNode pending = balance.putArray("pending");
        totals.forEach(total -> funds(pending, total.currency(), total.pending()));
        return balance;
    }

    private static void funds(ArrayNode list, String currency, long amount) {
        ObjectNode funds = list.addObject();
        funds.put("amount", amount);
        funds.put("currency", currency);
        funds.putObject("source_types").put("card", amount);
    }
}
