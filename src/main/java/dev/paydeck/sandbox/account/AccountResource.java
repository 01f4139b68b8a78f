package dev.paydeck.sandbox.account;

import dev.paydeck.sandbox.api.ObjectStore;
import dev.paydeck.sandbox.api.ParamSpec;
import dev.paydeck.sandbox.api.SandboxAccount;
import dev.paydeck.sandbox.api.SandboxAccounts;
import dev.paydeck.sandbox.api.StripeCall;
import dev.paydeck.sandbox.api.StripeResource;
import dev.paydeck.sandbox.api.StripeRoutes;
import dev.paydeck.sandbox.balance.BalanceTransactions;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v1/account}: the sandbox account the secret key belongs to, as Stripe renders an activated standard
 * account (charges and payouts enabled, details submitted), with its country, default currency and payout delay.
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
    }

    private ObjectNode retrieve(StripeCall call) {
        SandboxAccount account = call.account();
        return AccountJson.render(store.json().createObjectNode(), account, accounts.created(account.id()),
                BalanceTransactions.payoutDelayDays(account.country()));
    }
}
