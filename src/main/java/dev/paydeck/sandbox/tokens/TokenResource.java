package dev.paydeck.sandbox.tokens;

import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.api.ObjectStore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /v1/tokens}: create a card token (also with a publishable key, as Stripe.js's {@code createToken} does)
 * and retrieve one. Only card tokens: bank account, PII and account tokens are not emulated.
 */
@Component
class TokenResource implements StripeResource {

    private static final ParamSpec CARD = ParamSpec.of()
            .string("number", "cvc", "name", "address_line1", "address_line2", "address_city", "address_state",
                    "address_zip", "address_country", "currency")
            .integer("exp_month", "exp_year")
            .any("networks");
    private static final ParamSpec CREATE = ParamSpec.of().object("card", CARD);

    private final ObjectStore store;
    private final Tokens tokens;

    TokenResource(ObjectStore store, Tokens tokens) {
        this.store = store;
        this.tokens = tokens;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.publishable("POST", "/v1/tokens", CREATE, this::create);
        routes.get("/v1/tokens/{id}", ParamSpec.of(), this::retrieve);
    }

    private ObjectNode create(StripeCall call) {
        if (call.map("card") == null) {
            throw StripeError.invalid(null, "You must supply either a card, customer, PII data, bank account, or "
                    + "account legal entity to create a token.");
        }
        return tokens.create(call, call.map("card"));
    }

    private ObjectNode retrieve(StripeCall call) {
        return store.require(call.accountId(), call.path("id"), "token", "id");
    }
}
