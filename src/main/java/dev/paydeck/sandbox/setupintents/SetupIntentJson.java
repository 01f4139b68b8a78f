package dev.paydeck.sandbox.setupintents;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A SetupIntent as Stripe renders it, and how create/update/confirm parameters set its fields. */
final class SetupIntentJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SetupIntentJson() {
    }

    static ObjectNode create(ObjectNode intent) {
        String id = intent.get("id").asString();
        intent.putNull("application");
        intent.putNull("automatic_payment_methods");
        intent.putNull("cancellation_reason");
        intent.put("client_secret", id + "_secret_" + Ids.random(32));
        intent.putNull("customer");
        intent.putNull("description");
        intent.putNull("excluded_payment_method_types");
        intent.putNull("flow_directions");
        intent.putNull("last_setup_error");
        intent.putNull("latest_attempt");
        intent.put("livemode", false);
        intent.putNull("mandate");
        intent.putObject("metadata");
        intent.putNull("next_action");
        intent.putNull("on_behalf_of");
        intent.putNull("payment_method");
        intent.putNull("payment_method_configuration_details");
        ObjectNode card = intent.putObject("payment_method_options").putObject("card");
        card.putNull("mandate_options");
        card.putNull("network");
        card.put("request_three_d_secure", "automatic");
        intent.putArray("payment_method_types").add("card");
        intent.putNull("single_use_mandate");
        intent.put("status", SetupIntentStatus.REQUIRES_PAYMENT_METHOD.stripeName());
        intent.put("usage", "off_session");
        return intent;
    }

    /** The fields any of create, update and confirm may set, checked as Stripe checks them. */
    static void apply(ObjectNode intent, StripeCall call) {
        if (call.has("description")) {
            text(intent, "description", call.string("description"));
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(intent, call.map("metadata"));
        }
        if (call.has("excluded_payment_method_types")) {
            intent.set("excluded_payment_method_types",
                    JSON.valueToTree(call.params().get("excluded_payment_method_types")));
        }
        if (call.has("flow_directions")) {
            intent.set("flow_directions", JSON.valueToTree(call.params().get("flow_directions")));
        }
        if (call.has("payment_method_types") && call.list("payment_method_types") != null) {
            ArrayNode types = intent.putArray("payment_method_types");
            for (Object type : call.list("payment_method_types")) {
                if (!"card".equals(type)) {
                    throw StripeError.invalid("payment_method_types", "The payment method type \"" + type
                            + "\" is invalid. Please ensure the provided type is activated in your dashboard "
                            + "(https://dashboard.stripe.com/account/payments/settings) and your account is enabled "
                            + "for any preview features that you are trying to use.");
                }
                types.add((String) type);
            }
        }
        if (call.has("return_url")) {
            String url = call.string("return_url");
            if (url != null && !validUrl(url)) {
                throw StripeError.invalid("return_url", "Not a valid URL");
            }
            text(intent, "_return_url", url);
        }
    }

    static SetupIntentStatus status(ObjectNode intent) {
        return SetupIntentStatus.of(intent.get("status").asString());
    }

    static void status(ObjectNode intent, SetupIntentStatus next) {
        intent.put("status", SetupIntentTransitions.move(status(intent), next).stripeName());
    }

    static String string(ObjectNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static void text(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    /** What a publishable key may see: Stripe redacts metadata from answers to publishable-key requests. */
    static ObjectNode forPublishableKey(ObjectNode intent) {
        ObjectNode copy = rendered(intent);
        copy.putObject("metadata");
        return copy;
    }

    /** The intent without internal fields, for error bodies and the hosted page's answers. */
    static ObjectNode rendered(ObjectNode intent) {
        ObjectNode copy = intent.deepCopy();
        List<String> internal = new ArrayList<>();
        copy.propertyNames().forEach(name -> {
            if (name.startsWith("_")) {
                internal.add(name);
            }
        });
        copy.remove(internal);
        return copy;
    }

    static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() != null && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
