package dev.paydeck.sandbox.customers;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.SearchFields;
import dev.paydeck.sandbox.api.SearchRequest;
import dev.paydeck.sandbox.api.SearchResult;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.sources.Sources;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/customers}: create (also with a first card, {@code source=tok_...}), retrieve, update (also the
 * {@code default_source}, one of the customer's cards), delete, list (with the {@code email} filter), search.
 */
@Component
class CustomerResource implements StripeResource {

    static final String DELETED = "deleted_customer";

    private static final ParamSpec INVOICE_SETTINGS = ParamSpec.of()
            .string("default_payment_method", "footer")
            .any("custom_fields", "rendering_options");

    private static final ParamSpec FIELDS = ParamSpec.of()
            .string("email", "name", "phone", "description", "invoice_prefix")
            .integer("balance")
            .metadata()
            .object("invoice_settings", INVOICE_SETTINGS)
            .any("address", "shipping", "preferred_locales", "tax")
            .oneOf("tax_exempt", "none", "exempt", "reverse");

    private static final ParamSpec UPDATE = FIELDS.with(ParamSpec.of().string("default_source"));
    private static final ParamSpec CREATE = FIELDS.with(ParamSpec.of().string("payment_method", "test_clock",
            "source"));
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("email", "test_clock"));
    /** Stripe's query fields for customers. */
    private static final SearchFields SEARCH = SearchFields.of("customers")
            .string("email", "name", "phone").numeric("created").metadata();

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final Sources sources;
    private final CustomerBalances balances;
    private final SandboxCustomers customers;

    CustomerResource(ObjectStore store, SandboxClock clock, SandboxEvents events, Sources sources,
            CustomerBalances balances, SandboxCustomers customers) {
        this.balances = balances;
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.sources = sources;
        this.customers = customers;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/customers", CREATE, this::create);
        routes.get("/v1/customers", LIST, this::list);
        routes.get("/v1/customers/search", SearchRequest.PARAMS, this::search);
        routes.get("/v1/customers/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/customers/{id}", UPDATE, this::update);
        routes.delete("/v1/customers/{id}", ParamSpec.of(), this::delete);
    }

    private ObjectNode create(StripeCall call) {
        String testClock = testClock(call);
        ObjectNode customer = CustomerJson.create(store.newObject("customer", "cus",
                testClock == null ? clock.now() : clock.nowOn(call.accountId(), testClock)));
        if (testClock != null) {
            customer.put("test_clock", testClock);
        }
        CustomerJson.apply(customer, call);
        recordBalanceChange(call, customer, 0, "initial");
        checkDefaultPaymentMethod(call, customer.get("id").asString());
        if (call.string("source") != null) {
            sources.addToNewCustomer(call, customer, call.string("source"));
        }
        store.insert(call.accountId(), customer);
        events.publish(call, "customer.created", customer);
        return customer;
    }

    private ObjectNode retrieve(StripeCall call) {
        ObjectNode found = store.find(call.accountId(), call.path("id"))
                .filter(object -> object.get("object").asString().equals("customer")
                        || object.get("object").asString().equals(DELETED))
                .orElseThrow(() -> StripeError.resourceMissing("customer", call.path("id"), "id"));
        if (found.get("object").asString().equals(DELETED)) {
            found.put("object", "customer");
        }
        return found;
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode customer = store.require(call.accountId(), call.path("id"), "customer", "id");
        ObjectNode before = customer.deepCopy();
        CustomerJson.apply(customer, call);
        recordBalanceChange(call, customer, before.path("balance").asLong(0), "adjustment");
        checkDefaultPaymentMethod(call, customer.get("id").asString());
        if (call.string("default_source") != null) {
            sources.requireCard(call, customer.get("id").asString(), call.string("default_source"),
                    "default_source");
            customer.put("default_source", call.string("default_source"));
        }
        store.update(call.accountId(), customer);
        ObjectNode previous = StripeObjects.previousAttributes(before, customer);
        if (!previous.isEmpty()) {
            events.publish(call, "customer.updated", customer, previous);
        }
        return customer;
    }

    private ObjectNode delete(StripeCall call) {
        ObjectNode customer = store.require(call.accountId(), call.path("id"), "customer", "id");
        ObjectNode reply = customers.delete(call, customer).deepCopy();
        reply.put("object", "customer");
        reply.remove("created");
        return reply;
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "customer", ListQuery.from(call).where("email", call.string("email"))
                .where("test_clock", call.string("test_clock")),
                "/v1/customers");
    }

    private SearchResult search(StripeCall call) {
        return store.search(call.accountId(), "customer", SearchRequest.from(call), SEARCH, "/v1/customers/search");
    }

    /**
     * A {@code balance} set directly is recorded in the customer's balance ledger as the change it makes (an
     * {@code initial} one when the customer is created with a balance), in the balance's currency, else the
     * account's default one.
     */
    private void recordBalanceChange(StripeCall call, ObjectNode customer, long before, String type) {
        long after = customer.path("balance").asLong(0);
        if (after == before) {
            return;
        }
        customer.put("balance", before);
        String currency = customer.path("currency").asString(call.account().defaultCurrency());
        balances.record(call.accountId(), customer, after - before, currency,
                new CustomerBalances.Entry(type, null, null, null), "balance");
    }

    /** The test clock the new customer is to be on: one of the account's. */
    private String testClock(StripeCall call) {
        String id = call.string("test_clock");
        if (id != null) {
            store.find(call.accountId(), id)
                    .filter(found -> "test_helpers.test_clock".equals(found.path("object").asString()))
                    .orElseThrow(() -> StripeError.resourceMissing("test_clock", id, "test_clock"));
        }
        return id;
    }

    private void checkDefaultPaymentMethod(StripeCall call, String customerId) {
        String paymentMethod = StripeCall.nested(call.params(), "invoice_settings", "default_payment_method");
        if (paymentMethod == null) {
            return;
        }
        ObjectNode method = store.find(call.accountId(), paymentMethod)
                .filter(found -> "payment_method".equals(found.get("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("PaymentMethod", paymentMethod,
                        "invoice_settings[default_payment_method]"));
        if (!customerId.equals(method.path("customer").asString(null))) {
            throw StripeError.invalid("invoice_settings[default_payment_method]",
                    "The customer does not have a payment method with the ID " + paymentMethod
                            + ". The payment method must be attached to the customer.");
        }
    }
}
