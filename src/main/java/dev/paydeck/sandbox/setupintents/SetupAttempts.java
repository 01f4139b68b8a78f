package dev.paydeck.sandbox.setupintents;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeObjects;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SetupAttempts of a SetupIntent ({@code setatt_...}, its {@code latest_attempt}): one per confirmation, with the
 * card used, the 3-D Secure outcome and the {@code setup_error}. An attempt waiting for its 3-D Secure challenge
 * ({@code requires_action}) is concluded by the challenge, not replaced.
 */
@Component
class SetupAttempts {

    private final ObjectStore store;
    private final SandboxClock clock;

    SetupAttempts(ObjectStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records the attempt's outcome ({@code requires_action}, {@code succeeded}, {@code failed}) as the intent's
     * latest attempt: the attempt that was waiting for a challenge, or a new one.
     *
     * @param threeDSecure the challenge's {@code result} ({@code authenticated}, {@code failed}), or null when none
     *                     was asked
     */
    ObjectNode record(StripeCall call, ObjectNode intent, ObjectNode paymentMethod, String status,
            String threeDSecure, ObjectNode error) {
        ObjectNode attempt = waiting(call, intent);
        boolean isNew = attempt == null;
        if (isNew) {
            attempt = store.newObject("setup_attempt", "setatt", clock.now());
            attempt.putNull("application");
            attempt.put("attach_to_self", false);
            StripeObjects.text(attempt, "customer", StripeObjects.string(intent, "customer"));
            attempt.putNull("flow_directions");
            attempt.put("livemode", false);
            attempt.putNull("on_behalf_of");
            attempt.put("payment_method", paymentMethod.get("id").asString());
            attempt.set("payment_method_details", details(paymentMethod));
            attempt.put("setup_intent", intent.get("id").asString());
            attempt.put("usage", intent.get("usage").asString());
        }
        attempt.put("status", status);
        if (error == null) {
            attempt.putNull("setup_error");
        } else {
            attempt.set("setup_error", error.deepCopy());
        }
        if (threeDSecure != null) {
            ObjectNode secure = ((ObjectNode) attempt.get("payment_method_details").get("card"))
                    .putObject("three_d_secure");
            secure.put("authentication_flow", "challenge");
            secure.put("result", threeDSecure);
            if ("failed".equals(threeDSecure)) {
                secure.put("result_reason", "rejected");
            } else {
                secure.putNull("result_reason");
            }
            secure.put("version", "2.2.0");
        }
        if (isNew) {
            store.insert(call.accountId(), attempt);
        } else {
            store.update(call.accountId(), attempt);
        }
        intent.put("latest_attempt", attempt.get("id").asString());
        return attempt;
    }

    private ObjectNode waiting(StripeCall call, ObjectNode intent) {
        String latest = StripeObjects.string(intent, "latest_attempt");
        if (latest == null) {
            return null;
        }
        return store.find(call.accountId(), latest)
                .filter(attempt -> "requires_action".equals(attempt.path("status").asString()))
                .orElse(null);
    }

    private static ObjectNode details(ObjectNode paymentMethod) {
        ObjectNode details = paymentMethod.objectNode();
        ObjectNode card = details.putObject("card");
        JsonNode source = paymentMethod.get("card");
        for (String field : new String[] {"brand", "country", "exp_month", "exp_year", "fingerprint", "funding",
                "last4"}) {
            card.set(field, source.get(field));
        }
        card.putNull("checks");
        card.put("network", source.get("brand").asString());
        card.putNull("three_d_secure");
        card.putNull("wallet");
        details.put("type", "card");
        return details;
    }
}
