package dev.paydeck.sandbox.setupintents;

import dev.paydeck.sandbox.api.ListQuery;
import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeList;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.events.SandboxEvents;
import dev.paydeck.sandbox.paymentintents.IntentRules;
import dev.paydeck.sandbox.paymentmethods.PaymentMethods;
import dev.paydeck.sandbox.setupintents.SetupIntentTransitions.Operation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.CANCELED;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_ACTION;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_CONFIRMATION;
import static dev.paydeck.sandbox.setupintents.SetupIntentStatus.REQUIRES_PAYMENT_METHOD;

/**
 * {@code /v1/setup_intents}: create (optionally confirming), retrieve and confirm (also with a publishable key and
 * the intent's {@code client_secret}, as Stripe.js does), update, cancel, list; and {@code /v1/setup_attempts}
 * (by {@code setup_intent}).
 */
@Component
class SetupIntentResource implements StripeResource {

    private static final String RETURN_URL_REQUIRED = "This SetupIntent is configured to accept payment methods "
            + "enabled in your Dashboard. Because some of these payment methods might redirect your customer off of "
            + "your page, you must provide a `return_url`. If you don't want to accept redirect-based payment "
            + "methods, set `automatic_payment_methods[enabled]` to `true` and "
            + "`automatic_payment_methods[allow_redirects]` to `never` when creating Setup Intents and Payment "
            + "Intents.";

    private static final ParamSpec SHARED = ParamSpec.of()
            .bool("attach_to_self")
            .string("customer", "description", "payment_method", "payment_method_configuration")
            .stringList("payment_method_types")
            .stringList("excluded_payment_method_types")
            .stringList("flow_directions")
            .object("payment_method_data", PaymentMethods.DATA)
            .metadata()
            .any("payment_method_options");

    private static final ParamSpec CREATE = SHARED.with(ParamSpec.of()
            .bool("confirm", "use_stripe_sdk")
            .oneOf("usage", "off_session", "on_session")
            .string("return_url", "on_behalf_of", "confirmation_token")
            .any("mandate_data", "single_use")
            .object("automatic_payment_methods", ParamSpec.of().bool("enabled")
                    .oneOf("allow_redirects", "always", "never").required("enabled")));

    private static final ParamSpec CONFIRM = ParamSpec.of()
            .string("payment_method", "return_url", "client_secret", "confirmation_token")
            .object("payment_method_data", PaymentMethods.DATA)
            .bool("use_stripe_sdk")
            .any("mandate_data", "payment_method_options");

    private static final ParamSpec CANCEL = ParamSpec.of()
            .oneOf("cancellation_reason", "abandoned", "requested_by_customer", "duplicate");

    private static final ParamSpec RETRIEVE = ParamSpec.of().string("client_secret");
    private static final ParamSpec LIST = ListQuery.PAGING.with(ParamSpec.of()
            .string("customer", "payment_method")
            .bool("attach_to_self"));
    private static final ParamSpec ATTEMPTS = ListQuery.PAGING.with(ParamSpec.of()
            .string("setup_intent").required("setup_intent"));

    /** What may change after the setup is over. */
    private static final Set<String> ANNOTATIONS = Set.of("metadata", "description");

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;
    private final PaymentMethods paymentMethods;
    private final SetupIntentFlow flow;

    SetupIntentResource(ObjectStore store, SandboxClock clock, SandboxEvents events, PaymentMethods paymentMethods,
            SetupIntentFlow flow) {
        this.store = store;
        this.clock = clock;
        this.events = events;
        this.paymentMethods = paymentMethods;
        this.flow = flow;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.post("/v1/setup_intents", CREATE, this::create);
        routes.get("/v1/setup_intents", LIST, this::list);
        routes.publishable("GET", "/v1/setup_intents/{id}", RETRIEVE, this::retrieve);
        routes.post("/v1/setup_intents/{id}", SHARED, this::update);
        routes.publishable("POST", "/v1/setup_intents/{id}/confirm", CONFIRM, this::confirm);
        routes.post("/v1/setup_intents/{id}/cancel", CANCEL, this::cancel);
        routes.get("/v1/setup_attempts", ATTEMPTS, this::attempts);
    }

    private ObjectNode create(StripeCall call) {
        ObjectNode intent = SetupIntentJson.create(store.newObject("setup_intent", "seti", clock.now()));
        if (call.has("payment_method_types") && call.has("automatic_payment_methods")) {
            throw StripeError.invalid("automatic_payment_methods", "You may only specify one of these parameters: "
                    + "automatic_payment_methods, payment_method_types.");
        }
        if (!call.has("payment_method_types")) {
            Map<String, Object> given = call.map("automatic_payment_methods");
            if (given == null || Boolean.TRUE.equals(given.get("enabled"))) {
                ObjectNode automatic = intent.putObject("automatic_payment_methods");
                String redirects = given == null ? null : (String) given.get("allow_redirects");
                if (redirects != null) {
                    automatic.put("allow_redirects", redirects);
                }
                automatic.put("enabled", true);
            }
        }
        if (call.isTrue("attach_to_self") && call.string("customer") != null) {
            throw StripeError.invalid("attach_to_self", "You cannot set `attach_to_self` to true when a `customer` "
                    + "is provided.");
        }
        if (call.has("attach_to_self")) {
            intent.put("attach_to_self", call.isTrue("attach_to_self"));
        }
        if (call.string("usage") != null) {
            intent.put("usage", call.string("usage"));
        }
        SetupIntentJson.apply(intent, call);
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
        events.publish(call, "setup_intent.created", intent);
        if (call.isTrue("confirm")) {
            return confirm(call, intent, false);
        }
        return intent;
    }

    private ObjectNode retrieve(StripeCall call) {
        ObjectNode intent = store.require(call.accountId(), call.path("id"), "setup_intent", "intent");
        IntentRules.checkClientSecret(call, intent, "SetupIntent");
        return call.publishableKey() ? IntentRules.forPublishableKey(intent) : intent;
    }

    private ObjectNode update(StripeCall call) {
        ObjectNode intent = store.require(call.accountId(), call.path("id"), "setup_intent", "intent");
        if (!ANNOTATIONS.containsAll(call.params().keySet())) {
            SetupIntentTransitions.check(Operation.UPDATE, intent);
        }
        SetupIntentJson.apply(intent, call);
        if (call.has("attach_to_self")) {
            intent.put("attach_to_self", call.isTrue("attach_to_self"));
        }
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
        ObjectNode intent = store.require(call.accountId(), call.path("id"), "setup_intent", "intent");
        IntentRules.checkClientSecret(call, intent, "SetupIntent");
        ObjectNode confirmed = confirm(call, intent, true);
        return call.publishableKey() ? IntentRules.forPublishableKey(confirmed) : confirmed;
    }

    /** Confirms; {@code withPaymentMethod}: the call's payment method (or its data) is to be used first. */
    private ObjectNode confirm(StripeCall call, ObjectNode intent, boolean withPaymentMethod) {
        SetupIntentTransitions.check(Operation.CONFIRM, intent);
        if (withPaymentMethod) {
            SetupIntentJson.apply(intent, call);
        }
        ObjectNode given = withPaymentMethod ? paymentMethods.given(call) : null;
        if (given != null) {
            usePaymentMethod(call, intent, given);
        }
        if (StripeObjects.string(intent, "payment_method") == null) {
            throw SetupIntentTransitions.unexpectedState("You cannot confirm this SetupIntent because it's missing a "
                    + "payment method. You can either update the SetupIntent with a payment method and then confirm "
                    + "it again, or confirm it again directly with a payment method or ConfirmationToken.", intent);
        }
        if (!call.publishableKey() && IntentRules.redirectsAllowed(intent)
                && StripeObjects.string(intent, "_return_url") == null) {
            throw StripeError.invalid("return_url", RETURN_URL_REQUIRED);
        }
        if (SetupIntentJson.status(intent) == REQUIRES_PAYMENT_METHOD) {
            SetupIntentJson.status(intent, REQUIRES_CONFIRMATION);
        }
        return flow.attempt(call, intent);
    }

    private ObjectNode cancel(StripeCall call) {
        ObjectNode intent = store.require(call.accountId(), call.path("id"), "setup_intent", "intent");
        SetupIntentTransitions.check(Operation.CANCEL, intent);
        SetupIntentJson.status(intent, CANCELED);
        StripeObjects.text(intent, "cancellation_reason", call.string("cancellation_reason"));
        intent.putNull("next_action");
        store.update(call.accountId(), intent);
        events.publish(call, "setup_intent.canceled", intent);
        return intent;
    }

    private StripeList list(StripeCall call) {
        return store.list(call.accountId(), "setup_intent", ListQuery.from(call)
                .where("customer", call.string("customer"))
                .where("payment_method", call.string("payment_method"))
                .where("attach_to_self", call.bool("attach_to_self")), "/v1/setup_intents");
    }

    private StripeList attempts(StripeCall call) {
        String setupIntent = call.string("setup_intent");
        store.require(call.accountId(), setupIntent, "setup_intent", "setup_intent");
        return store.list(call.accountId(), "setup_attempt", ListQuery.from(call).where("setup_intent", setupIntent),
                "/v1/setup_attempts");
    }

    private void usePaymentMethod(StripeCall call, ObjectNode intent, ObjectNode paymentMethod) {
        IntentRules.takePaymentMethod(intent, paymentMethod);
        SetupIntentStatus status = SetupIntentJson.status(intent);
        if (status == REQUIRES_PAYMENT_METHOD || status == REQUIRES_ACTION) {
            SetupIntentJson.status(intent, REQUIRES_CONFIRMATION);
            intent.putNull("next_action");
        }
    }

}
