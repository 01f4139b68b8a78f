package dev.paydeck.sandbox.promotioncodes;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.SandboxClock;
import dev.paydeck.sandbox.api.StripeError;
import org.springframework.stereotype.Service;
import tools.jackson.databind.node.ObjectNode;

/**
 * Promotion codes as what redeems them (discounts on invoices and invoice items) needs them: a code that is active,
 * not expired, not redeemed its {@code max_redemptions} times and, when it names a customer, theirs.
 */
@Service
public class PromotionCodes {

    private final ObjectStore store;
    private final SandboxClock clock;

    PromotionCodes(ObjectStore store, SandboxClock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The code, if the customer may redeem it now; Stripe's "No such promotion_code" or a refusal otherwise. */
    public ObjectNode requireRedeemable(String accountId, String id, String customer, String param) {
        ObjectNode code = store.find(accountId, id)
                .filter(found -> "promotion_code".equals(found.path("object").asString()))
                .orElseThrow(() -> StripeError.resourceMissing("promotion_code", id, param));
        if (!code.path("active").asBoolean()) {
            throw StripeError.invalid(param, "This promotion code is inactive.");
        }
        if (!code.path("expires_at").isNull() && code.path("expires_at").asLong() <= clock.now()) {
            throw StripeError.invalid(param, "This promotion code has expired.");
        }
        if (!code.path("max_redemptions").isNull()
                && code.path("times_redeemed").asLong() >= code.path("max_redemptions").asLong()) {
            throw StripeError.invalid(param, "This promotion code has been redeemed the maximum number of times ("
                    + code.path("max_redemptions").asLong() + ").");
        }
        String owner = code.path("customer").asString(null);
        if (owner != null && !owner.equals(customer)) {
            throw StripeError.invalid(param, "This promotion code cannot be redeemed by this customer: it is "
                    + "restricted to another customer.");
        }
        return code;
    }

    /** One more redemption of the code: {@code times_redeemed} goes up by one. */
    public void redeem(String accountId, String id) {
        ObjectNode code = store.require(accountId, id, "promotion_code", "promotion_code");
        code.put("times_redeemed", code.path("times_redeemed").asLong() + 1);
        store.update(accountId, code);
    }
}
