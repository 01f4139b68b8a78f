package dev.paydeck.sandbox.radar;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.events.SandboxEvents;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Early fraud warnings ({@code issfr_...}, {@code radar.early_fraud_warning}): the card issuer's notice that a charge
 * may be fraudulent, which Stripe's test card {@code 4000000000005423} ({@code createIssuerFraudRecord}) receives
 * right after a successful payment, with {@code radar.early_fraud_warning.created}. It is {@code actionable} while
 * the charge is neither disputed nor fully refunded.
 */
@Service
public class EarlyFraudWarnings {

    private final ObjectStore store;
    private final SandboxClock clock;
    private final SandboxEvents events;

    EarlyFraudWarnings(ObjectStore store, SandboxClock clock, SandboxEvents events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    /** Records the issuer's warning about the charge and announces it. */
    public ObjectNode open(StripeCall call, ObjectNode charge) {
        ObjectNode warning = store.newObject("radar.early_fraud_warning", "issfr", clock.now());
        warning.put("actionable", true);
        warning.put("charge", charge.get("id").asString());
        // The fraud type of Stripe's own example; the test card's is not documented.
        warning.put("fraud_type", "misc");
        warning.put("livemode", false);
        warning.set("payment_intent", charge.get("payment_intent").deepCopy());
        store.insert(call.accountId(), warning);
        events.publish(call, "radar.early_fraud_warning.created", warning);
        return warning;
    }

    /**
     * The warning is no longer actionable once its charge is fully refunded or disputed
     * ({@code radar.early_fraud_warning.updated}).
     */
    public void chargeChanged(StripeCall call, String warningId, ObjectNode charge) {
        boolean settled = charge.get("refunded").asBoolean() || charge.get("disputed").asBoolean();
        store.find(call.accountId(), warningId)
                .filter(warning -> settled && warning.get("actionable").asBoolean())
                .ifPresent(warning -> {
                    warning.put("actionable", false);
                    store.update(call.accountId(), warning);
                    ObjectNode previous = warning.objectNode();
                    previous.put("actionable", true);
                    events.publish(call, "radar.early_fraud_warning.updated", warning, previous);
                });
    }
}
