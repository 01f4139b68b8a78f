package dev.paydeck.sandbox.paymentintents;

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
import dev.paydeck.sandbox.charges.Charges;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentintents.PaymentIntentTransitions.Operation;
import dev.paydeck.sandbox.paymentmethods.PaymentMethods;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;

import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.CANCELED;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_ACTION;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_CAPTURE;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_CONFIRMATION;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.REQUIRES_PAYMENT_METHOD;
import static dev.paydeck.sandbox.paymentintents.PaymentIntentStatus.SUCCEEDED;

/**
 * {@code /v1/payment_intents}: create (optionally confirming), retrieve and confirm (also with a publishable key
 * and the intent's {@code client_secret}, as Stripe.js does), update, capture, cancel, list, search.
 */
@Component
class PaymentIntentResource implements StripeResource {

    private static final String RETURN_URL_REQUIRED = "This PaymentIntent is configured to accept payment methods "
            + "enabled in your Dashboard. Because some of these payment methods might redirect your customer off of "
            + "your page, you must provide a `return_url`. If you don't want to accept redirect-based payment "
            + "methods, set `automatic_payment_methods[enabled]` to `true` and "
            + "`automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment "
            + "Intents.";

    private static final ParamSpec SHARED = ParamSpec.of()
            .integer("amount", "application_fee_amount")
            .string("currency", "customer", "payment_method", "description", "statement_descriptor",
                    "statement_descriptor_suffix", "receipt_email", "transfer_group", "payment_method_configuration")
            .oneOf("capture_method", "automatic", "automatic_async", "manual")
            .oneOf("setup_future_usage", "on_session", "off_session")
            .stringList("payment_method_types")
            .stringList("excluded_payment_method_types")
            .object("payment_method_data", PaymentMethods.DATA)
            .metadata()
            .any("payment_method_options", "shipping", "transfer_data");

    private static final ParamSpec CREATE = SHARED.with(ParamSpec.of()
            .bool("confirm", "use_stripe_sdk", "error_on_requires_action")
            .oneOf("confirmation_method", "automatic", "manual")
            .string("return_url", "on_behalf_of", "mandate", "confirmation_token")
            .any("off_session", "mandate_data", "radar_options", "payment_details")
            .object("automatic_payment_methods", ParamSpec.of().bool("enabled")
                    .oneOf("allow_redirects", "always", "never").required("enabled"))
            .required("amount", "currency"));

    private static final ParamSpec CONFIRM = ParamSpec.of()
            .string("payment_method", "return_url", "client_secret", "receipt_email", "mandate",
                    "confirmation_token", "expected_payment_method_type")
            .oneOf("capture_method", "automatic", "automatic_async", "manual")
            .oneOf("setup_future_usage", "on_session", "off_session")
            .stringList("payment_method_types")
            .object("payment_method_data", PaymentMethods.DATA)
            .bool("use_stripe_sdk", "error_on_requires_action", "save_payment_method")
            .any("off_session", "mandate_data", "payment_method_options", "shipping", "radar_options");

    private static final ParamSpec CAPTURE = ParamSpec.of()
            .integer("amount_to_capture", "application_fee_amount")
            .string("statement_descriptor", "statement_descriptor_suffix")
            .bool("final_capture")
            .metadata()
            .any("transfer_data", "payment_details");

    private static final ParamSpec CANCEL = ParamSpec.of()
            .oneOf("cancellation_reason", "duplicate", "fraudulent", "requested_by_customer", "abandoned");

    private static final ParamSpec RETRIEVE = ParamSpec.of().string("client_secret");
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of().string("customer"));
    /** Stripe's query fields for PaymentIntents. */
    private static final SearchFields SEARCH = SearchFields.of("payment_intents")
            .numeric("amount", "created").token("currency", "status").id("customer").metadata();

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final PaymentMethods paymentMethods;
    private final Charges charges;
    private final PaymentIntentFlow flow;

    PaymentIntentResource(ObjectStore store, SandboxClock clock, SandboxEvents events, PaymentMethods paymentMethods,
            Charges charges, PaymentIntentFlow flow) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.paymentMethods = paymentMethods;
        this.charges = charges;
        this.flow = flow;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/payment_intents", CREATE, this::create);
        routes.get("/v1/payment_intents", LIST, this::list);
        routes.get("/v1/payment_intents/search", SearchRequest.PARAMS, this::search);
        routes.publishable("GET", "/v1/payment_intents/{id}", RETRIEVE, this::retrieve);
        routes.post("/v1/payment_intents/{id}", SHARED, this::update);
        routes.publishable("POST", "/v1/payment_intents/{id}/confirm", CONFIRM, this::confirm);
        routes.post("/v1/payment_intents/{id}/capture", CAPTURE, this::capture);
        routes.post("/v1/payment_intents/{id}/cancel", CANCEL, this::cancel);
    }

    private ObjectNode create(StripeCall call) {
        ObjectNode intent = PaymentIntentJson.create(store.newObject("payment_intent", "pi",
                clock.nowFor(call.accountId(), call.string("customer"))));
        if (call.has("payment_method_types") && call.has("automatic_payment_methods")) {
            throw StripeError.invalid("automatic_payment_methods", "You may only specify one of these parameters: "
                    + "automatic_payment_methods, payment_method_types.");
        }
        if (!call.has("payment_method_types")) {
            ObjectNode automatic = intent.putObject("automatic_payment_methods");
            Map<String, Object> given = call.map("automatic_payment_methods");
            String redirects = given == null ? null : (String) given.get("allow_redirects");
            boolean enabled = given == null || Boolean.TRUE.equals(given.get("enabled"));
            if (enabled) {
                if (redirects != null) {
                    automatic.put("allow_redirects", redirects);
                }
                automatic.put("enabled", true);
            } else {
                intent.putNull("automatic_payment_methods");
            }
        }
        if (call.has("off_session") && !call.isTrue("confirm")) {
            throw StripeError.invalid("off_session", "You may only specify `off_session` when `confirm` is true.");
        }
        if (call.string("confirmation_method") != null) {
            intent.put("confirmation_method", call.string("confirmation_method"));
        }
        PaymentIntentJson.apply(intent, call);
        String customer = call.string("customer");
        if (customer != null) {
            store.require(call.accountId(), customer, "customer", "customer");
            intent.put("customer", customer);
        }
        ObjectNode given = paymentMethods.given(call);
        if (given != null) {
            usePaymentMethod(call, intent, given);
        }
        store.insert(call.accountId(), intent);
        events.publish(call, "payment_intent.created", intent);
        if (call.isTrue("confirm")) {
            // The payment method given is already the intent's: a pm_card_… token resolved again would make a
            // second PaymentMethod.
            return confirm(call, intent, false);
        }
        return intent;
    }

    private ObjectNode retrieve(StripeCall call) {
        ObjectNode intent = store.require(call.accountId(), call.path("id"), "payment_intent", "intent");
        IntentRules.checkClientSecret(call, intent, "PaymentIntent");
        return call.publishableKey() ? IntentRules.forPublishableKey(intent) : intent;
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode intent = store.require(call.accountId(), call.path("id"), "payment_intent", "intent");
        boolean onlyAnnotations = call.params().keySet().stream()
                .allMatch(name -> Map.of("metadata", 1, "description", 1, "receipt_email", 1, "shipping", 1)
                        .containsKey(name));
        if (!onlyAnnotations) {
            PaymentIntentTransitions.check(Operation.UPDATE, intent, call);
        }
        PaymentIntentJson.apply(intent, call);
        if (call.has("customer")) {
            String customer = call.string("customer");
            if (customer != null) {
                store.require(call.accountId(), customer, "customer", "customer");
            }
            StripeObjects.text(intent, "customer", customer);
        }
        ObjectNode given = paymentMethods.given(call);
        if (given != null) {
            usePaymentMethod(call, intent, given);
        }
        store.update(call.accountId(), intent);
        return intent;
    }

    private ObjectNode confirm(StripeCall call) {
        ObjectNode intent = store.require(call.accountId(), call.path("id"), "payment_intent", "intent");
        IntentRules.checkClientSecret(call, intent, "PaymentIntent");
        ObjectNode confirmed = confirm(call, intent, true);
        return call.publishableKey() ? IntentRules.forPublishableKey(confirmed) : confirmed;
    }

    /** Confirms; {@code withPaymentMethod}: the call's payment method (or its data) is to be used first. */
    private ObjectNode confirm(StripeCall call, ObjectNode intent, boolean withPaymentMethod) {
        PaymentIntentTransitions.check(Operation.CONFIRM, intent, call);
        PaymentIntentJson.apply(intent, call);
        ObjectNode given = withPaymentMethod ? paymentMethods.given(call) : null;
        if (given != null) {
            usePaymentMethod(call, intent, given);
        }
        if (StripeObjects.string(intent, "payment_method") == null) {
            throw PaymentIntentTransitions.unexpectedState("You cannot confirm this PaymentIntent because it's "
                    + "missing a payment method. You can either update the PaymentIntent with a payment method and then "
                    + "confirm it again, or confirm it again directly with a payment method.", intent, call);
        }
        if (!call.publishableKey() && IntentRules.redirectsAllowed(intent)
                && StripeObjects.string(intent, "_return_url") == null) {
            throw StripeError.invalid("return_url", RETURN_URL_REQUIRED);
        }
        intent.put("_off_session", offSession(call.params().get("off_session")));
        if (PaymentIntentJson.status(intent) == REQUIRES_PAYMENT_METHOD) {
            PaymentIntentJson.status(intent, REQUIRES_CONFIRMATION);
        }
        return flow.attempt(call, intent);
    }

    private ObjectNode capture(StripeCall call) {
        ObjectNode intent = store.require(call.accountId(), call.path("id"), "payment_intent", "intent");
        PaymentIntentTransitions.check(Operation.CAPTURE, intent, call);
        long capturable = intent.get("amount_capturable").asLong();
        long amount = call.has("amount_to_capture") ? call.longValue("amount_to_capture") : capturable;
        if (amount > capturable) {
            throw StripeError.builder(400).code("amount_too_large").param("amount_to_capture")
                    .message("The amount to capture (" + amount + ") must be less than or equal to the "
                            + "PaymentIntent's amount_capturable (" + capturable + ").").build();
        }
        if (amount < 1) {
            throw StripeError.invalid("amount_to_capture", "This value must be greater than or equal to 1.");
        }
        PaymentIntentJson.apply(intent, call);
        charges.capture(call, intent.get("latest_charge").asString(), amount);
        PaymentIntentJson.status(intent, SUCCEEDED);
        intent.put("amount_received", amount);
        intent.put("amount_capturable", 0);
        store.update(call.accountId(), intent);
        events.publish(call, "payment_intent.succeeded", intent);
        charges.afterSuccess(call, intent.get("latest_charge").asString());
        return intent;
    }

    private ObjectNode cancel(StripeCall call) {
        ObjectNode intent = store.require(call.accountId(), call.path("id"), "payment_intent", "intent");
        PaymentIntentStatus status = PaymentIntentJson.status(intent);
        PaymentIntentTransitions.check(Operation.CANCEL, intent, call);
        if (status == REQUIRES_CAPTURE) {
            charges.releaseAuthorization(call, intent.get("latest_charge").asString());
        }
        PaymentIntentJson.status(intent, CANCELED);
        intent.put("canceled_at", clock.nowFor(call.accountId(), StripeObjects.string(intent, "customer")));
        StripeObjects.text(intent, "cancellation_reason", call.string("cancellation_reason"));
        intent.put("amount_capturable", 0);
        intent.putNull("next_action");
        store.update(call.accountId(), intent);
        events.publish(call, "payment_intent.canceled", intent);
        return intent;
    }

    private SearchResult search(StripeCall call) {
        return store.search(call.accountId(), "payment_intent", SearchRequest.from(call), SEARCH,
                "/v1/payment_intents/search");
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "payment_intent",
                ListQuery.from(call).where("customer", call.string("customer")), "/v1/payment_intents");
    }

    private void usePaymentMethod(StripeCall call, ObjectNode intent, ObjectNode paymentMethod) {
        IntentRules.takePaymentMethod(intent, paymentMethod);
        PaymentIntentStatus status = PaymentIntentJson.status(intent);
        if (status == REQUIRES_PAYMENT_METHOD || status == REQUIRES_ACTION) {
            PaymentIntentJson.status(intent, REQUIRES_CONFIRMATION);
            intent.putNull("next_action");
        }
    }

    private static boolean offSession(Object value) {
        return value != null && !"false".equals(value);
    }
}
