package dev.paydeck.sandbox.paymentintents;

import dev.paydeck.sandbox.api.Ids;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** A PaymentIntent as Stripe renders it, and how create/update/confirm parameters set its fields. */
final class PaymentIntentJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DESCRIPTOR_LIMIT = 22;

    private PaymentIntentJson() {
    }

    static ObjectNode create(ObjectNode intent) {
        String id = intent.get("id").asString();
        intent.put("amount_capturable", 0);
        intent.putObject("amount_details").putObject("tip");
        intent.put("amount_received", 0);
        intent.putNull("application");
        intent.putNull("application_fee_amount");
        intent.putNull("automatic_payment_methods");
        intent.putNull("canceled_at");
        intent.putNull("cancellation_reason");
        intent.put("capture_method", "automatic_async");
        intent.put("client_secret", id + "_secret_" + Ids.random(25));
        intent.put("confirmation_method", "automatic");
        intent.putNull("customer");
        intent.putNull("description");
        intent.putNull("excluded_payment_method_types");
        intent.putNull("last_payment_error");
        intent.putNull("latest_charge");
        intent.put("livemode", false);
        intent.putObject("metadata");
        intent.putNull("next_action");
        intent.putNull("on_behalf_of");
        intent.putNull("payment_method");
        intent.putNull("payment_method_configuration_details");
        ObjectNode card = intent.putObject("payment_method_options").putObject("card");
        card.putNull("installments");
        card.putNull("mandate_options");
        card.putNull("network");
        card.put("request_three_d_secure", "automatic");
        intent.putArray("payment_method_types").add("card");
        intent.putNull("processing");
        intent.putNull("receipt_email");
        intent.putNull("review");
        intent.putNull("setup_future_usage");
        intent.putNull("shipping");
        intent.putNull("source");
        intent.putNull("statement_descriptor");
        intent.putNull("statement_descriptor_suffix");
        intent.put("status", PaymentIntentStatus.REQUIRES_PAYMENT_METHOD.stripeName());
        intent.putNull("transfer_data");
        intent.putNull("transfer_group");
        return intent;
    }

    /** The fields any of create, update and confirm may set, checked as Stripe checks them. */
    static void apply(ObjectNode intent, StripeCall call) {
        if (call.has("amount") || call.has("currency")) {
            String currency = call.has("currency") ? Currencies.require(call.string("currency"), "currency")
                    : intent.get("currency").asString();
            long amount = call.has("amount") ? requiredAmount(call) : intent.get("amount").asLong();
            Currencies.checkChargeAmount(amount, currency, "amount");
            intent.put("amount", amount);
            intent.put("currency", currency);
        }
        for (String field : List.of("description", "receipt_email", "transfer_group", "setup_future_usage",
                "capture_method")) {
            if (call.has(field)) {
                StripeObjects.text(intent, field, call.string(field));
            }
        }
        if (call.has("statement_descriptor")) {
            String descriptor = call.string("statement_descriptor");
            if (descriptor != null && descriptor.length() > DESCRIPTOR_LIMIT) {
                throw StripeError.invalid("statement_descriptor", "The statement descriptor must be at most 22 "
                        + "characters. " + descriptor + " is " + descriptor.length() + " characters long.");
            }
            StripeObjects.text(intent, "statement_descriptor", descriptor);
        }
        if (call.has("statement_descriptor_suffix")) {
            String suffix = call.string("statement_descriptor_suffix");
            if (suffix != null && suffix.length() > DESCRIPTOR_LIMIT) {
                throw StripeError.invalid("statement_descriptor_suffix", "The statement descriptor suffix must be "
                        + "at most 22 characters. " + suffix + " is " + suffix.length() + " characters long.");
            }
            StripeObjects.text(intent, "statement_descriptor_suffix", suffix);
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(intent, call.map("metadata"));
        }
        if (call.has("shipping")) {
            intent.set("shipping", JSON.valueToTree(call.params().get("shipping")));
        }
        if (call.has("application_fee_amount")) {
            intent.set("application_fee_amount", JSON.valueToTree(call.params().get("application_fee_amount")));
        }
        if (call.has("excluded_payment_method_types")) {
            intent.set("excluded_payment_method_types",
                    JSON.valueToTree(call.params().get("excluded_payment_method_types")));
        }
        IntentRules.paymentMethodTypes(intent, call);
        IntentRules.returnUrl(intent, call);
    }

    private static long requiredAmount(StripeCall call) {
        Long amount = call.longValue("amount");
        if (amount == null) {
            throw StripeError.parameterMissing("amount");
        }
        return amount;
    }

    static PaymentIntentStatus status(ObjectNode intent) {
        return PaymentIntentStatus.of(intent.get("status").asString());
    }

    static void status(ObjectNode intent, PaymentIntentStatus next) {
        intent.put("status", PaymentIntentTransitions.move(status(intent), next).stripeName());
    }
}
