package dev.paydeck.sandbox.balance;

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
 * {@code /v1/balance_transactions}: retrieve, and list newest first (by {@code type}, {@code source},
 * {@code currency}, {@code created}; the sandbox makes no payouts, so a {@code payout} filter finds nothing).
 * Transactions whose funds have become available are marked so before they are read.
 */
@Component
class BalanceTransactionResource implements StripeResource {

    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of()
            .string("type", "source", "payout", "currency"));

    private final ObjectStore store;
    private final BalanceTransactions transactions;

    BalanceTransactionResource(ObjectStore store, BalanceTransactions transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/balance_transactions", LIST, this::list);
        routes.get("/v1/balance_transactions/{id}", ParamSpec.of(), this::retrieve);
    }

    private ObjectNode retrieve(StripeCall call) {
        transactions.settle(call.accountId());
        return store.require(call.accountId(), call.path("id"), "balance_transaction", "id");
    }

    private StripeList list(StripeCall call) {
        transactions.settle(call.accountId());
        return store.list(call.accountId(), "balance_transaction", ListQuery.from(call)
                .where("type", call.string("type"))
                .where("source", call.string("source"))
                .where("currency", call.string("currency"))
                .where("_payout", call.string("payout")), "/v1/balance_transactions");
    }
}
