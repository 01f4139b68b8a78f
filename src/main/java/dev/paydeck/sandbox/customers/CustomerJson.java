package dev.paydeck.sandbox.customers;

import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeObjects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** A customer as Stripe renders it, and how create/update parameters change it. */
final class CustomerJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private CustomerJson() {
    }

    static ObjectNode create(ObjectNode customer) {
        customer.putNull("address");
        customer.put("balance", 0);
        customer.putNull("currency");
        customer.putNull("default_source");
        customer.put("delinquent", false);
        customer.putNull("description");
        customer.putNull("discount");
        customer.putNull("email");
        customer.put("invoice_prefix", customer.get("id").asString().substring(4, 12).toUpperCase());
        ObjectNode invoiceSettings = customer.putObject("invoice_settings");
        invoiceSettings.putNull("custom_fields");
        invoiceSettings.putNull("default_payment_method");
        invoiceSettings.putNull("footer");
        invoiceSettings.putNull("rendering_options");
        customer.put("livemode", false);
        customer.putObject("metadata");
        customer.putNull("name");
        customer.put("next_invoice_sequence", 1);
        customer.putNull("phone");
        customer.putArray("preferred_locales");
        customer.putNull("shipping");
        customer.put("tax_exempt", "none");
        customer.putNull("test_clock");
        return customer;
    }

    static void apply(ObjectNode customer, StripeCall call) {
        if (call.has("email") && call.string("email") != null && !EMAIL.matcher(call.string("email")).matches()) {
            throw StripeError.invalid("email", "Invalid email address: " + call.string("email"));
        }
        for (String field : new String[] {"email", "name", "phone", "description", "invoice_prefix", "tax_exempt"}) {
            if (call.has(field)) {
                putText(customer, field, call.string(field));
            }
        }
        if (call.has("metadata")) {
            StripeObjects.applyMetadata(customer, call.map("metadata"));
        }
        if (call.longValue("balance") != null) {
            // Negative: a credit the customer's next invoices use; positive: an amount their next invoice adds.
            customer.put("balance", call.longValue("balance"));
        }
        if (call.has("invoice_settings") && call.map("invoice_settings") != null) {
            ObjectNode settings = (ObjectNode) customer.get("invoice_settings");
            Map<String, Object> given = call.map("invoice_settings");
            given.forEach((key, value) -> {
                if (value instanceof String text) {
                    settings.put(key, text);
                } else if (value == null) {
                    settings.putNull(key);
                }
            });
        }
        for (String field : new String[] {"address", "shipping", "preferred_locales"}) {
            if (call.has(field)) {
                customer.set(field, JSON.valueToTree(call.params().get(field)));
            }
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

}
