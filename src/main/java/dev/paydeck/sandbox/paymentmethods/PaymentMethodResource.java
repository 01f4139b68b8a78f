package dev.paydeck.sandbox.paymentmethods;

import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/payment_methods}: create (also with a publishable key, as Stripe.js does), retrieve, update, attach,
 * detach, and list (by customer and type; also {@code /v1/customers/{id}/payment_methods}).
 */
@Component
class PaymentMethodResource implements StripeResource {

    private static final ParamSpec CREATE = PaymentMethods.DATA.with(ParamSpec.of()
            .string("customer", "payment_method"));
    private static final ParamSpec UPDATE = ParamSpec.of()
            .any("billing_details")
            .object("card", ParamSpec.of().integer("exp_month", "exp_year").any("networks"))
            .oneOf("allow_redisplay", "always", "limited", "unspecified")
            .metadata();
    private static final ParamSpec ATTACH = ParamSpec.of().string("customer").required("customer");
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of()
            .string("customer", "type", "allow_redisplay"));
    private static final ParamSpec CUSTOMER_LIST = ListQuery.PAGING.with(ParamSpec.of()
            .string("type", "allow_redisplay"));

    private final ObjectStore store;
    private final PaymentMethods paymentMethods;
    private final SandboxEvents events;

    PaymentMethodResource(ObjectStore store, PaymentMethods paymentMethods, SandboxEvents events) {
        this.store = store;
        this.paymentMethods = paymentMethods;
        this.events = events;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.publishable("POST", "/v1/payment_methods", CREATE, this::create);
        routes.get("/v1/payment_methods", LIST, this::list);
        routes.get("/v1/payment_methods/{id}", ParamSpec.of(), this::retrieve);
        routes.post("/v1/payment_methods/{id}", UPDATE, this::update);
        routes.post("/v1/payment_methods/{id}/attach", ATTACH, this::attach);
        routes.post("/v1/payment_methods/{id}/detach", ParamSpec.of(), this::detach);
        routes.get("/v1/customers/{customer}/payment_methods", CUSTOMER_LIST, this::listForCustomer);
    }

    private ObjectNode create(StripeCall call) {
        if (call.string("payment_method") != null || call.string("customer") != null) {
            throw StripeError.invalid("payment_method",
                    "Cloning PaymentMethods is only available to Connect platforms.");
        }
        ObjectNode paymentMethod = paymentMethods.create(call, call.params());
        if (call.publishableKey()) {
            // Stripe redacts metadata in answers to publishable-key requests.
            ObjectNode reply = paymentMethod.deepCopy();
            reply.putObject("metadata");
            return reply;
        }
        return paymentMethod;
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.require(call.accountId(), call.path("id"), "payment_method", "id");
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode paymentMethod = store.require(call.accountId(), call.path("id"), "payment_method", "id");
        ObjectNode before = paymentMethod.deepCopy();
        if (call.has("billing_details")) {
            PaymentMethodJson.billingDetails(paymentMethod, call.params().get("billing_details"));
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(paymentMethod, call.map("metadata"));
        }
        if (call.string("allow_redisplay") != null) {
            paymentMethod.put("allow_redisplay", call.string("allow_redisplay"));
        }
        if (call.map("card") != null) {
            ObjectNode card = (ObjectNode) paymentMethod.get("card");
            Long month = (Long) call.map("card").get("exp_month");
            Long year = (Long) call.map("card").get("exp_year");
            if (month != null && (month < 1 || month > 12)) {
                throw StripeError.builder(402).type("card_error").code("invalid_expiry_month")
                        .param("card[exp_month]").message("Your card's expiration month is invalid.").build();
            }
            if (month != null) {
                card.put("exp_month", month);
            }
            if (year != null) {
                card.put("exp_year", year < 100 ? year + 2000 : year);
            }
        }
        if (PaymentMethodJson.changed(before, paymentMethod)) {
            store.update(call.accountId(), paymentMethod);
            ObjectNode previous = paymentMethod.objectNode();
            before.properties().forEach(entry -> {
                if (!entry.getKey().startsWith("_") && !entry.getValue().equals(paymentMethod.get(entry.getKey()))) {
                    previous.set(entry.getKey(), entry.getValue());
                }
            });
            events.publish(call, "payment_method.updated", paymentMethod, previous);
        }
        return paymentMethod;
    }

    private ObjectNode attach(StripeCall call) {
        ObjectNode paymentMethod = paymentMethods.resolve(call, call.path("id"), "payment_method");
        return paymentMethods.attach(call, paymentMethod, call.string("customer"), "customer");
    }

    private ObjectNode detach(StripeCall call) {
        ObjectNode paymentMethod = store.require(call.accountId(), call.path("id"), "payment_method", "id");
        String customer = paymentMethod.path("customer").asString(null);
        if (customer == null) {
            throw StripeError.invalid(null, "The payment method " + call.path("id")
                    + " is not attached to a customer so detachment is impossible.");
        }
        paymentMethod.putNull("customer");
        store.update(call.accountId(), paymentMethod);
        ObjectNode previous = paymentMethod.objectNode();
        previous.put("customer", customer);
        events.publish(call, "payment_method.detached", paymentMethod, previous);
        return paymentMethod;
    }

    private StripeList list(StripeCall call) {
        String customer = call.string("customer");
        if (customer != null) {
            store.require(call.accountId(), customer, "customer", "customer");
        }
        return store.list(call.accountId(), "payment_method", ListQuery.from(call)
                .where("customer", customer)
                .where("type", call.string("type"))
                .where("allow_redisplay", call.string("allow_redisplay")), "/v1/payment_methods");
    }

    private StripeList listForCustomer(StripeCall call) {
        String customer = call.path("customer");
        store.require(call.accountId(), customer, "customer", "customer");
        return store.list(call.accountId(), "payment_method", ListQuery.from(call)
                .where("customer", customer)
                .where("type", call.string("type"))
                .where("allow_redisplay", call.string("allow_redisplay")),
                "/v1/customers/" + customer + "/payment_methods");
    }
}
