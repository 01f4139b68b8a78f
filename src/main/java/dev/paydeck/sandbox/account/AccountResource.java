package dev.paydeck.sandbox.account;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeError;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.balance.BalanceTransactions;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/account} (and {@code GET /v1/accounts/{id}} with its own id): the sandbox account the secret key
 * belongs to, as Stripe renders an activated standard account (charges and payouts enabled, details submitted), with
 * its country, default currency and payout delay.
 */
@Component
class AccountResource implements StripeResource {

    private final ObjectStore store;
    private final SandboxAccounts accounts;

    AccountResource(ObjectStore store, SandboxAccounts accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    @Override
    public void register(StripeRoutes routes) {
        routes.get("/v1/account", ParamSpec.of(), this::retrieve);
        routes.get("/v1/accounts/{id}", ParamSpec.of(), this::retrieveById);
    }

    /**
     * The account itself by its id; any other account is Stripe's answer to an account that is not a Connect
     * platform (the sandbox's accounts are not).
     */
    private ObjectNode retrieveById(StripeCall call) {
        if (!call.account().id().equals(call.path("id"))) {
            throw StripeError.builder(403).message("Only Stripe Connect platforms can work with other accounts. If "
                    + "you specified a client_id parameter, make sure it's correct. If you need to setup a Stripe "
                    + "Connect platform, you can do so at https://dashboard.stripe.com/account/applications/settings.")
                    .build();
        }
        return retrieve(call);
    }

    private ObjectNode retrieve(StripeCall call) {
        SandboxAccount account = call.account();
        return AccountJson.render(store.json().createObjectNode(), account, accounts.created(account.id()),
                BalanceTransactions.payoutDelayDays(account.country()));
    }
}
