package dev.paydeck.sandbox.setupintents;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeObjects;
import dev.paydeck.sandbox.paymentintents.IntentRules;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
            StripeObjects.text(intent, "description", call.string("description"));
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
        IntentRules.paymentMethodTypes(intent, call);
        IntentRules.returnUrl(intent, call);
    }

    static SetupIntentStatus status(ObjectNode intent) {
        return SetupIntentStatus.of(intent.get("status").asString());
    }

    static void status(ObjectNode intent, SetupIntentStatus next) {
        intent.put("status", SetupIntentTransitions.move(status(intent), next).stripeName());
    }
}
