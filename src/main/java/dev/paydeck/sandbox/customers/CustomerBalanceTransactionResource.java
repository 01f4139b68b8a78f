package dev.paydeck.sandbox.customers;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentintents.Currencies;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/customers/{customer}/balance_transactions}: adjust a customer's invoice balance by an amount (negative: a
 * credit, positive: a debit), list the customer's transactions newest first (also those finalizing invoices and
 * credit notes made), retrieve one, update its description and metadata.
 */
@Component
class CustomerBalanceTransactionResource implements StripeResource {

    private static final ParamSpec CREATE = ParamSpec.of().integer("amount").string("currency", "description")
            .metadata().required("amount", "currency");
    private static final ParamSpec UPDATE = ParamSpec.of().string("description").metadata();
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("invoice"));

    private final ObjectStore store;
    private final SandboxEvents events;
    private final CustomerBalances balances;

    CustomerBalanceTransactionResource(ObjectStore store, SandboxEvents events, CustomerBalances balances) {
        this.store = store;
        this.events = events;
        this.balances = balances;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/customers/{customer}/balance_transactions", CREATE, this::create);
        routes.get("/v1/customers/{customer}/balance_transactions", LIST, this::list);
        routes.get("/v1/customers/{customer}/balance_transactions/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/customers/{customer}/balance_transactions/{id}", UPDATE, this::update);
    }

    private ObjectNode create(StripeCall call) {
        ObjectNode customer = store.require(call.accountId(), call.path("customer"), "customer", "customer");
        long amount = call.longValue("amount");
        if (amount == 0) {
            throw StripeError.invalid("amount", "Invalid amount: a balance transaction's amount must not be 0.");
        }
        String currency = Currencies.require(call.string("currency"), "currency");
        ObjectNode before = customer.deepCopy();
        ObjectNode transaction = balances.record(call.accountId(), customer, amount, currency,
                new CustomerBalances.Entry("adjustment", null, null, call.string("description")), "currency");
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(transaction, call.map("metadata"));
            store.update(call.accountId(), transaction);
        }
        store.update(call.accountId(), customer);
        events.publish(call, "customer.updated", customer, StripeObjects.previousAttributes(before, customer));
        return transaction;
    }

    private StripeList list(StripeCall call) {
        store.require(call.accountId(), call.path("customer"), "customer", "customer");
        return store.list(call.accountId(), "customer_balance_transaction", ListQuery.from(call)
                .where("customer", call.path("customer")).where("invoice", call.string("invoice")),
                "/v1/customers/" + call.path("customer") + "/balance_transactions");
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.find(call.accountId(), call.path("id"))
                .filter(found -> "customer_balance_transaction".equals(found.path("object").asString()))
                .filter(found -> call.path("customer").equals(found.path("customer").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("customer_balance_transaction", call.path("id"),
                        "id"));
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode transaction = retrieve(call);
        if (call.has("description")) {
            StripeObjects.text(transaction, "description", call.string("description"));
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(transaction, call.map("metadata"));
        }
        store.update(call.accountId(), transaction);
        return transaction;
    }
}
